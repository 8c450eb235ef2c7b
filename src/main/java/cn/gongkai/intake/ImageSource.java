package cn.gongkai.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the images an item refers to come from: files beside the item file, or images sent with a request. */
interface ImageSource {

    /** Size in bytes of the image named {@code name} in the item, or -1 when there is none. */
    long size(String name) throws IOException;

    byte[] read(String name) throws IOException;

    /** The file name to keep for the image. */
    String fileName(String name);

    /** Says where a missing image was looked for, for the problem message. */
    String whereMissing(String name);

    /**
     * Images in the folder of {@code itemFile} (or below it), by path relative to it. A name with {@code ..}, an
     * absolute path, or a symbolic link whose real path leaves the folder counts as missing: see {@link FolderPaths}.
     */
    static ImageSource besideFile(Path itemFile) {
        Path dir = itemFile.toAbsolutePath().getParent();
        return new ImageSource() {
            @Override
            public long size(String name) throws IOException {
                var p = FolderPaths.inside(dir, name);
                return p.isPresent() ? Files.size(p.get()) : -1;
            }

            @Override
            public byte[] read(String name) throws IOException {
                var p = FolderPaths.inside(dir, name);
                if (p.isEmpty()) {
                    throw new java.nio.file.NoSuchFileException(name);
                }
                return FolderPaths.read(p.get(), ImageInspector.MAX_BYTES + 1);
            }

            @Override
            public String fileName(String name) {
                return dir.resolve(name).normalize().getFileName().toString();
            }

            @Override
            public String whereMissing(String name) {
                return "图片须放在稿件所在文件夹 " + dir + " 或其子文件夹中，用相对路径引用；不能用 ..、绝对路径或指向文件夹外的链接";
            }
        };
    }

    /**
     * Images given in memory, by the name the item uses; an upload that lost the folder part of the name
     * ({@code images/a.jpg} sent as {@code a.jpg}) is found by its last segment.
     */
    static ImageSource inMemory(Map<String, byte[]> images) {
        return new ImageSource() {
            private byte[] find(String name) {
                if (!FolderPaths.isPlainRelative(name)) {
                    return null;
                }
                byte[] b = images.get(name);
                if (b == null && name.contains("/")) {
                    b = images.get(name.substring(name.lastIndexOf('/') + 1));
                }
                return b;
            }

            @Override
            public long size(String name) {
                byte[] b = find(name);
                return b == null ? -1 : b.length;
            }

            @Override
            public byte[] read(String name) {
                return find(name);
            }

            @Override
            public String fileName(String name) {
                int slash = name.lastIndexOf('/');
                return slash < 0 ? name : name.substring(slash + 1);
            }

            @Override
            public String whereMissing(String name) {
                return images.isEmpty() ? "请求中没有附带图片" : "请求附带的图片有：" + String.join("、", images.keySet());
            }
        };
    }
}
