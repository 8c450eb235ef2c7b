package cn.gongkai.report;

/** A facts file that cannot be read as the report's facts; the message names the file and the key. */
public final class FactsException extends IllegalArgumentException {
    FactsException(String file, String key, String problem) {
        super("事实文件 " + file + (key.isEmpty() ? "" : " 中的“" + key + "”") + "：" + problem);
    }
}
