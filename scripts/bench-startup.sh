#!/bin/sh
# Start-up benchmark (issue 16): wall time of short commands through the launcher target/gongkai, median of RUNS
# (default 5), as a ratio to the floor `gongkai --version` timed beside it: each row runs the floor and its command
# alternately, RUNS times each, so that a machine growing busier or quieter during the run moves both; the same with
# plain `java -jar` beside it. Needs a built jar (mvn -B -q package -DskipTests), GNU date and curl. Uses a new H2 database in a
# temporary folder; nothing else is touched. Usage: scripts/bench-startup.sh [RUNS]
# PLAIN=no skips the java -jar column (it takes several times longer on a busy machine).
# ONLY=serve times the floor and the serve row only.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd -P)
runs=${1:-5}
launcher="$root/target/gongkai"
jar="$root/target/gongkai.jar"
[ -x "$launcher" ] && [ -f "$jar" ] || { echo "先运行 mvn -B -q package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$((20000 + $$ % 12000))   # below Linux's ephemeral ports (32768-), which H2 and the web warm-up take
while curl -s -o /dev/null "http://127.0.0.1:$port/"; do port=$((port + 1)); done   # something else listens there
cat > "$work/gongkai.yml" <<YML
data-dir: $work/data
templates-dir: $work/templates
web:
  host: 127.0.0.1
  port: $port
review:
  chain: []
YML
cfg="$work/gongkai.yml"

# One item with three 640x480 pictures, made once with the JDK.
mkdir -p "$work/item/images"
cat > "$work/Pictures.java" <<'JAVA'
public class Pictures {
    public static void main(String[] a) throws Exception {
        for (int i = 1; i <= 3; i++) {
            var img = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(40 * i, 90, 160), 640, 480,
                    java.awt.Color.WHITE));
            g.fillRect(0, 0, 640, 480);
            g.dispose();
            javax.imageio.ImageIO.write(img, "jpg", new java.io.File(a[0], "p" + i + ".jpg"));
        }
    }
}
JAVA
java -Djava.awt.headless=true "$work/Pictures.java" "$work/item/images"
cat > "$work/item/item.md" <<'MD'
---
title: 红旗区启动2026年春季消费季活动
category: 促消费
author: 红旗区商务局
department: 商贸流通股
cover: images/p1.jpg
---
红旗区2026年春季消费季今天启动，活动持续一个月。

![启动仪式](images/p2.jpg)

各商圈同步推出优惠活动。

![商圈](images/p3.jpg)
MD

ms() { date +%s%N | cut -c1-13; }
median() { sort -n "$1" | sed -n "$(((runs + 1) / 2))p"; }

# timed FILE PROGRAM ARGS...: runs the command once (it must succeed) and appends its wall time in ms to FILE.
timed() {
    file=$1
    shift
    t0=$(ms)
    "$@" --config "$cfg" >"$work/out" 2>&1 || { echo "失败：$*" >&2; cat "$work/out" >&2; exit 1; }
    t1=$(ms)
    echo $((t1 - t0)) >> "$file"
}

# serve_timed FILE PROGRAM...: starts serve, appends the ms until /healthz answers to FILE, stops it. PROGRAM is a
# real command (not a shell function), so that $! is the JVM itself (the launcher execs java) and kill stops it.
serve_timed() {
    file=$1
    shift
    t0=$(ms)
    "$@" --config "$cfg" serve >"$work/serve.log" 2>&1 &
    pid=$!
    until curl -s "http://127.0.0.1:$port/healthz" 2>/dev/null | grep -q '"warming"'; do
        kill -0 "$pid" 2>/dev/null || { echo "serve 已退出" >&2; cat "$work/serve.log" >&2; exit 1; }
        sleep 0.02
    done
    t1=$(ms)
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo $((t1 - t0)) >> "$file"
}

# beside FLOOR_PROGRAM STEP ARGS...: RUNS times the floor (FLOOR_PROGRAM --version) then the step (STEP ARGS..., run
# by timed or serve_timed); prints "floor-median step-median".
beside() {
    floor=$1
    shift
    : > "$work/floor"
    : > "$work/step"
    i=0
    while [ "$i" -lt "$runs" ]; do
        timed "$work/floor" "$floor" --version
        "$@"
        i=$((i + 1))
    done
    echo "$(median "$work/floor") $(median "$work/step")"
}

# item import refuses a file it already imported: each run imports a new copy (one line differs).
import_new() {
    runner=$1
    shift
    n=$(($(cat "$work/n" 2>/dev/null || echo 0) + 1))   # a file: the runs happen in subshells
    echo "$n" > "$work/n"
    sed "s/今天启动/今天启动（第 $n 次）/" "$work/item/item.md" > "$work/item/item-$n.md"
    "$runner" item import "$work/item/item-$n.md" "$@"
}

plain_too=${PLAIN:-yes}
plain() { java -jar "$jar" "$@"; }
viaLauncher() { "$launcher" "$@"; }

# Prepare: the database, one item to show.
"$launcher" --config "$cfg" item import "$work/item/item.md" > /dev/null

ratio() { awk -v a="$2" -v b="$1" 'BEGIN { printf "%.2f", a / b }'; }
printf '| %s | %s | %s | %s | %s | %s | %s |\n' "command" "floor ms" "launcher ms" "× floor" "floor ms" \
    "java -jar ms" "× floor"
printf '|---|---|---|---|---|---|---|\n'
# row LABEL KIND ARGS...: KIND is command (ARGS run through each runner), import or serve.
row() {
    label=$1
    kind=$2
    shift 2
    for runner in viaLauncher plain; do
        if [ "$runner" = plain ] && [ "$plain_too" = no ]; then
            p="- -"
            continue
        fi
        case "$kind" in
            command) r=$(beside "$runner" timed "$work/step" "$runner" "$@") ;;
            import) r=$(beside "$runner" timed "$work/step" import_new "$runner") ;;
            serve)
                if [ "$runner" = plain ]; then
                    r=$(beside "$runner" serve_timed "$work/step" java -jar "$jar")
                else
                    r=$(beside "$runner" serve_timed "$work/step" "$launcher")
                fi ;;
        esac
        if [ "$runner" = viaLauncher ]; then l=$r; else p=$r; fi
    done
    set -- $l
    lf=$1 lc=$2
    set -- $p
    pf=$1 pc=$2
    pr=-
    [ "$pf" = - ] || pr=$(ratio "$pf" "$pc")
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$lf" "$lc" "$(ratio "$lf" "$lc")" "$pf" "$pc" "$pr"
}
if [ "${ONLY:-}" != serve ]; then
    row "item list" command item list
    row "item show 1" command item show 1
    row "counts --year 2026" command counts --year 2026
    row "publish status" command publish status
    row "quota" command quota
    row "item import (3 pictures)" import
fi
row "serve → /healthz" serve
