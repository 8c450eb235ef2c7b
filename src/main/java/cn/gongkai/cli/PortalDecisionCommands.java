package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What staff record about one delivery: adopted, not adopted, send again. */
final class PortalDecisionCommands {
    private PortalDecisionCommands() {
    }

    /** The options every decision names: the item, the portal and who records it. */
    abstract static class Decision extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "稿件编号")
        long id;

        @Option(names = "--portal", required = true, paramLabel = "P", description = "报送单位编号（portals[].id）")
        String portal;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "登记人（系统中的用户）")
        String user;

        @Mixin
        UnitOption unit;

        abstract PortalDelivery decide(Wiring w);

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                unit.item(w, id);
                unit.portal(w, portal);
                PortalDelivery row = decide(w);
                PortalCommands.print(List.of(row), w.config().timezone(), out());
                return row.state() == DeliveryState.FAILED ? ExitCodes.USER : ExitCodes.OK;
            }
        }
    }

    @Command(name = "adopted", mixinStandardHelpOptions = true,
            description = "登记区政府办已采用该稿件（附门户网站上的链接）")
    static final class Adopted extends Decision {
        @Option(names = "--url", required = true, paramLabel = "URL", description = "门户网站上该文章的链接")
        String url;

        @Override
        PortalDelivery decide(Wiring w) {
            return w.portalDecisions().recordAdoption(id, portal, url, user);
        }
    }

    @Command(name = "not-adopted", mixinStandardHelpOptions = true, description = "登记区政府办未采用该稿件")
    static final class NotAdopted extends Decision {
        @Override
        PortalDelivery decide(Wiring w) {
            return w.portalDecisions().recordNotAdopted(id, portal, user);
        }
    }

    @Command(name = "resend", mixinStandardHelpOptions = true,
            description = "报送失败、原因已排除后立即重新报送（沿用原来的邮件编号和幂等键，收件方能认出是同一篇）")
    static final class Resend extends Decision {
        @Override
        PortalDelivery decide(Wiring w) {
            return w.portalDecisions().resend(id, portal, user);
        }
    }
}
