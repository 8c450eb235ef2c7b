package cn.gongkai.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The size of an H2 database file and how much of it holds live data, as H2 reports them in
 * {@code INFORMATION_SCHEMA.SETTINGS} ({@code info.FILE_SIZE}; {@code info.FILL_RATE}: the share of the file's blocks
 * that chunks use; {@code info.CHUNKS_FILL_RATE}: the share of those chunks that is live). Read by SQL, so it works
 * from a process that reaches the file through H2's automatic server as well.
 *
 * @param fileBytes         the file's size
 * @param usedPercent       the share of the file in use by chunks, in percent
 * @param chunksLivePercent the share of the chunks that is live data, in percent
 */
public record FileSpace(long fileBytes, int usedPercent, int chunksLivePercent) {

    /** The live data: the file's used share times the chunks' live share. */
    public long liveBytes() {
        return fileBytes * usedPercent / 100 * chunksLivePercent / 100;
    }

    /** The live data as a share of the file, in percent. */
    public int livePercent() {
        return usedPercent * chunksLivePercent / 100;
    }

    /** E.g. {@code 257.0 MB, of which 62.4 MB (24 %) live data}. */
    public String summary() {
        return String.format(Locale.ROOT, "%.1f MB, of which %.1f MB (%d %%) live data", fileBytes / 1e6,
                liveBytes() / 1e6, livePercent());
    }

    /** The file space of the H2 file database behind the data source; empty on PostgreSQL or in memory. */
    static Optional<FileSpace> read(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().startsWith("H2")) {
                return Optional.empty();
            }
            Map<String, String> info = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE"
                    + " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE',"
                    + " 'info.CHUNKS_FILL_RATE')")) {
                while (rs.next()) {
                    info.put(rs.getString(1), rs.getString(2));
                }
            }
            if (info.size() < 3 || Long.parseLong(info.get("info.FILE_SIZE")) <= 0) {
                return Optional.empty();
            }
            return Optional.of(new FileSpace(Long.parseLong(info.get("info.FILE_SIZE")),
                    Integer.parseInt(info.get("info.FILL_RATE")), Integer.parseInt(info.get("info.CHUNKS_FILL_RATE"))));
        } catch (SQLException | NumberFormatException e) {
            throw new StoreException("cannot read the file size of the H2 database", e);
        }
    }
}
