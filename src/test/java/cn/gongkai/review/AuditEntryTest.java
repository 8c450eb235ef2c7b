package cn.gongkai.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void programsAreNamedInChineseAndPeopleByTheirUserName() {
        assertThat(AuditEntry.actorLabel(AuditEntry.PUBLISHER)).isEqualTo("自动发布程序");
        assertThat(AuditEntry.actorLabel("oa")).isEqualTo("OA 系统");
        assertThat(AuditEntry.actorLabel("system")).isEqualTo("系统");
        assertThat(AuditEntry.actorLabel("张科长")).isEqualTo("张科长");
    }
}
