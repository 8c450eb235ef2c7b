package cn.gongkai.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongkai item requeue ID --as USER}: a failed item goes back to the queue once its cause is fixed. */
@Command(name = "requeue", mixinStandardHelpOptions = true,
        description = {"把“发布失败”的稿件重新排队，在下一个发布时段发布（先按失败原因处理好问题）。",
                "审定后改动过内容的稿件须重新审核，不能直接重新排队。"})
final class ItemRequeueCommand extends ItemCommands.ItemAction {
    @Option(names = "--comment", paramLabel = "TEXT", description = "说明（如：已把服务器 IP 加入白名单）")
    String comment;

    @Override
    public Integer call() {
        return act(w -> w.publishActions().requeue(id, actor, comment), "已重新排队");
    }
}
