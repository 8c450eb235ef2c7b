package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import cn.gongkai.publish.CallBudget;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gongkai quota [--account A]}: today's WeChat calls per API against the product's share of each limit. */
@Command(name = "quota", mixinStandardHelpOptions = true,
        description = {"显示今天（北京时间）每个公众号各微信接口已调用的次数和剩余次数。",
                "本系统只使用每日额度的一部分（配置项 wechat.quota-share，默认 90%），超出时调用在发出前就被拒绝。"})
final class QuotaCommand extends CliCommand {
    @Option(names = "--account", paramLabel = "ID", description = "只显示这个公众号（配置中的 id）")
    String account;

    @Mixin
    UnitOption unit;

    @Override
    public Integer call() {
        try (Wiring w = wire()) {
            List<AccountConfig> accounts = unit.accounts(w).stream()
                    .filter(a -> account == null || a.id().equals(account)).toList();
            if (accounts.isEmpty()) {
                throw new UserError("没有 id 为 " + account + " 的公众号；配置中有："
                        + unit.accounts(w).stream().map(AccountConfig::id).toList());
            }
            PrintWriter out = out();
            for (AccountConfig a : accounts) {
                print(a, w.callBudget(), w.clock().instant(), out);
            }
            return ExitCodes.OK;
        }
    }

    static void print(AccountConfig account, CallBudget budget, Instant now, PrintWriter out) {
        LocalDate day = LocalDate.ofInstant(now, CallBudget.WECHAT_DAY);
        out.println("公众号 " + account.name() + "（" + account.id() + "）" + day + " 的微信接口调用（本系统份额 "
                + Math.round(budget.share() * 100) + "%，北京时间 " + day.plusDays(1) + " 00:00 重置）：");
        Table t = new Table("接口", "微信每日上限", "本系统可用", "今日已用", "剩余");
        for (CallBudget.Usage u : budget.usage(account.id())) {
            t.row(u.api(), u.limited() ? u.dailyLimit() : "不限", u.limited() ? u.allowed() : "不限", u.used(),
                    u.limited() ? u.left() : "不限");
        }
        t.print(out);
    }
}
