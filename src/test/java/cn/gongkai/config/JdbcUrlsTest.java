package cn.gongkai.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one masking function for credentials in JDBC URLs, in every form a URL can carry them. */
class JdbcUrlsTest {
    private static final String PW = "Pa55-w0rd!";

    @Test
    void masksThePasswordOfAUserInfoPart() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://gk:" + PW + "@db:5432/gongkai"))
                .isEqualTo("jdbc:postgresql://***@db:5432/gongkai");
        assertThat(JdbcUrls.mask("jdbc:postgresql://gk:p@ss@db/gongkai")).isEqualTo("jdbc:postgresql://***@db/gongkai");
        assertThat(JdbcUrls.mask("jdbc:h2:tcp://sa:" + PW + "@localhost/~/gongkai")).doesNotContain(PW);
        assertThat(JdbcUrls.mask("postgres://gk:" + PW + "@db/gongkai")).isEqualTo("postgres://***@db/gongkai");
    }

    @Test
    void masksPasswordParametersInAnyCase() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/gk?password=" + PW))
                .isEqualTo("jdbc:postgresql://db/gk?password=***");
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/gk?user=gk&password=" + PW + "&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/gk?user=gk&password=***&ssl=true");
        assertThat(JdbcUrls.mask("jdbc:h2:file:./data/gongkai;PASSWORD=" + PW + ";AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/gongkai;PASSWORD=***;AUTO_SERVER=TRUE");
        assertThat(JdbcUrls.mask("jdbc:h2:file:./data/gongkai;Password = " + PW)).doesNotContain(PW);
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/gk?sslpassword=" + PW + "&PWD=" + PW)).doesNotContain(PW);
    }

    @Test
    void leavesAUrlWithoutCredentialsAlone() {
        assertThat(JdbcUrls.mask("jdbc:h2:file:/var/lib/gongkai/db;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/var/lib/gongkai/db;AUTO_SERVER=TRUE");
        assertThat(JdbcUrls.mask("jdbc:postgresql://db:5432/gongkai?user=gk"))
                .isEqualTo("jdbc:postgresql://db:5432/gongkai?user=gk");
        assertThat(JdbcUrls.mask(null)).isNull();
    }

    @Test
    void masksThePasswordItselfWhereADriverEchoesIt() {
        assertThat(JdbcUrls.mask("FATAL: bad password " + PW + " for gk", PW)).isEqualTo("FATAL: bad password *** for gk");
    }

    @Test
    void theConfigurationShowsNoPasswordInAnyUrlForm() {
        for (String url : new String[] {"jdbc:postgresql://db/gongkai?password=" + PW,
                "jdbc:postgresql://db/gongkai?user=gk&PASSWORD=" + PW, "jdbc:h2:file:./data/gk;PASSWORD=" + PW}) {
            DatabaseConfig c = new DatabaseConfig(url, "gk", Secret.of(PW));
            assertThat(c.safeUrl()).doesNotContain(PW).contains("***");
            assertThat(c.toString()).doesNotContain(PW);
        }
    }

    @Test
    void aUserAndPasswordWrittenIntoThePostgresUrlIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:postgresql://gk:" + PW + "@db/gongkai", "gk", Secret.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.url").hasMessageContaining("GONGKAI_DATABASE_PASSWORD")
                .hasMessageNotContaining(PW);
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:mysql://gk:" + PW + "@db/gongkai", "gk", Secret.empty()))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining(PW);
    }
}
