package cn.gongkai.render;

import java.util.Optional;

/**
 * Turns an HEIC/HEIF photo (the iPhone's default format) into a JPEG, which the rest of the product then prepares
 * like any photo. The server's converter is the system's {@code heif-convert} ({@link HeifConvertTool}); a server
 * without it has {@link #absent()}, and an HEIC picture is then refused with how to make the phone take JPEGs.
 */
public interface HeicConverter {

    /** The system program this converter runs, or empty when HEIC cannot be converted on this server. */
    Optional<String> program();

    /**
     * The JPEG made from {@code heic}; {@code name} names the picture in the refusal.
     *
     * @throws RenderException (Chinese message naming the file, the problem and the fix) when there is no converter,
     *                         the file cannot be converted or the conversion takes too long
     */
    byte[] toJpeg(String name, byte[] heic);

    /** The converter of this server: {@code heif-convert} when it is on the PATH, otherwise {@link #absent()}. */
    static HeicConverter system() {
        return HeifConvertTool.onPath().<HeicConverter>map(t -> t).orElseGet(HeicConverter::absent);
    }

    /** No converter: every HEIC picture is refused with the phone setting that avoids them. */
    static HeicConverter absent() {
        return new HeicConverter() {
            @Override
            public Optional<String> program() {
                return Optional.empty();
            }

            @Override
            public byte[] toJpeg(String name, byte[] heic) {
                throw new RenderException(refusal(name, "本服务器没有安装 HEIC 转换程序 heif-convert（管理员可安装"
                        + " libheif-examples 后直接导入 HEIC 照片；gongkai doctor 显示本服务器是否支持）"));
            }
        };
    }

    /** The staff message for an HEIC picture that was not converted: the file, why, and what to do instead. */
    static String refusal(String name, String why) {
        return "图片“" + name + "”是 HEIC/AVIF 格式（常见于手机照片），无法转换。请在手机或电脑上另存为 JPG 后重试；"
                + "苹果手机以后可直接拍 JPG：设置 → 相机 → 格式 → 兼容性最佳。原因：" + why;
    }
}
