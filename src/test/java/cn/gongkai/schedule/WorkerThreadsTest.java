package cn.gongkai.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quartz worker threads per node: by the number of accounts, or the system property within 1 to 6. */
class WorkerThreadsTest {
    @Test
    void threeUpToFifteenAccountsOneMorePerFifteenAtMostSix() {
        assertThat(WorkerThreads.byAccounts(0)).isEqualTo(3);
        assertThat(WorkerThreads.byAccounts(1)).isEqualTo(3);
        assertThat(WorkerThreads.byAccounts(15)).isEqualTo(3);
        assertThat(WorkerThreads.byAccounts(16)).isEqualTo(4);
        assertThat(WorkerThreads.byAccounts(30)).isEqualTo(4);
        assertThat(WorkerThreads.byAccounts(31)).isEqualTo(5);
        assertThat(WorkerThreads.byAccounts(46)).isEqualTo(6);
        assertThat(WorkerThreads.byAccounts(90)).isEqualTo(6);
        assertThat(WorkerThreads.byAccounts(10_000)).isEqualTo(WorkerThreads.MAX);
    }

    @Test
    void theSystemPropertyWinsWhenItIsANumberFromOneToSix() {
        String before = System.getProperty(WorkerThreads.PROPERTY);
        try {
            System.setProperty(WorkerThreads.PROPERTY, "5");
            assertThat(WorkerThreads.forAccounts(2)).isEqualTo(5);
            System.setProperty(WorkerThreads.PROPERTY, " 1 ");
            assertThat(WorkerThreads.forAccounts(90)).isEqualTo(1);
            for (String wrong : new String[] {"0", "7", "many", "-2"}) {
                System.setProperty(WorkerThreads.PROPERTY, wrong);
                assertThat(WorkerThreads.forAccounts(20)).as(wrong).isEqualTo(4);
            }
        } finally {
            if (before == null) {
                System.clearProperty(WorkerThreads.PROPERTY);
            } else {
                System.setProperty(WorkerThreads.PROPERTY, before);
            }
        }
    }
}
