package cn.gongkai.cli;

import cn.gongkai.config.ConfigException;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.render.RenderException;
import cn.gongkai.review.ChecksFailedException;
import cn.gongkai.review.ReviewException;
import cn.gongkai.review.UserException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The one place that maps errors to exit codes (design.md §7): 0 ok, 1 user error, 2 configuration, 3 WeChat, 4 internal. */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    static final int OK = 0;
    static final int USER = 1;
    static final int CONFIG = 2;
    static final int WECHAT = 3;
    static final int INTERNAL = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ExitCodes.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        Throwable e = ex;
        while (e.getCause() != null && !(known(e)) && known(e.getCause())) {
            e = e.getCause();
        }
        int code = codeOf(e);
        if (code == INTERNAL) {
            LOG.error("Internal error in '{}'", cmd.getCommandName(), e);
            err.println("内部错误：" + e + "（详见日志；请把日志交给运维人员）");
        } else if (e instanceof WeChatException w) {
            err.println("微信拒绝了请求（" + w.api() + "，错误码 " + w.code() + "）：" + w.staffMessage());
        } else {
            err.println(code == CONFIG ? "配置错误：" + e.getMessage() : "错误：" + e.getMessage());
        }
        err.flush();
        return code;
    }

    private static boolean known(Throwable e) {
        return codeOf(e) != INTERNAL;
    }

    static int codeOf(Throwable e) {
        if (e instanceof ConfigException) {
            return CONFIG;
        }
        if (e instanceof WeChatException) {
            return WECHAT;
        }
        if (e instanceof UserError || e instanceof ReviewException || e instanceof RenderException
                || e instanceof IllegalArgumentException || e instanceof UserException
                || e instanceof ChecksFailedException) {
            return USER;
        }
        return INTERNAL;
    }
}
