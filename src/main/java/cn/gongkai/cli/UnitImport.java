package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.UnitConfig;
import cn.gongkai.intake.ImportProblem;
import cn.gongkai.intake.ImportResult;
import cn.gongkai.intake.ItemImporter;
import java.util.List;
import java.util.Optional;

/**
 * {@code item import|update --unit U}: item files go into the named unit, so they may name only its accounts (a file
 * naming none goes to the unit's first account); another unit's account is refused naming the account and both
 * units, and nothing is stored.
 */
final class UnitImport {
    private UnitImport() {
    }

    /** The importer for the unit named by {@code --unit}, or the instance's own without one. */
    static ItemImporter importer(Wiring w, UnitOption unit) {
        Optional<UnitConfig> named = unit.named(w);
        if (named.isEmpty() || !w.config().severalUnits()) {
            return w.importer();
        }
        if (named.get().accounts().isEmpty()) {
            throw new UserError(named.get().name() + "（" + named.get().id() + "）没有公众号，不能导入稿件");
        }
        return w.importer(named.get().accounts());
    }

    /** The problems as staff read them: an account of another unit is named with the unit that owns it. */
    static List<String> problems(Wiring w, UnitOption unit, ImportResult r) {
        Optional<UnitConfig> named = unit.named(w);
        return r.problems().stream().map(p -> named.map(u -> explained(w, u, p)).orElse(p).toString()).toList();
    }

    private static ImportProblem explained(Wiring w, UnitConfig unit, ImportProblem p) {
        if (!p.field().equals("account")) {
            return p;
        }
        return w.config().units().stream().filter(owner -> !owner.id().equals(unit.id()))
                .flatMap(owner -> owner.accounts().stream().filter(a -> p.message().startsWith("公众号“" + a + "”"))
                        .map(a -> new ImportProblem(p.file(), p.line(), p.field(), "公众号“" + a + "”属于"
                                + owner.name() + "（" + owner.id() + "），不是" + unit.name() + "（" + unit.id()
                                + "）的公众号，不能导入到该单位")))
                .findFirst().orElse(p);
    }
}
