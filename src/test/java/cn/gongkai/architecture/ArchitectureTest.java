package cn.gongkai.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of design.md §3, written as sentences and checked against every main class: every package
 * ({@code cli}, {@code intake} and {@code config} included) is covered by at least one rule, which
 * {@link #everyPackageIsCoveredByARule()} keeps true when a package is added.
 */
class ArchitectureTest {
    private static final String ROOT = "cn.gongkai";
    private static final List<String> EDGE_PACKAGES =
            List.of("wechat", "store", "schedule", "web", "cli", "simulator", "delivery", "probe");
    /** The packages holding the product's logic; they see the outside world only through their ports. */
    private static final List<String> CORE_PACKAGES =
            List.of("review", "render", "publish", "portal", "report", "intake", "config", "inspect");
    /** Every package directly under cn.gongkai, and the rules below that cover it. */
    private static final List<String> ALL_PACKAGES = List.of("item", "review", "render", "publish", "portal",
            "report", "intake", "config", "inspect", "wechat", "store", "schedule", "web", "cli", "simulator",
            "delivery", "probe");

    private static final String[] WXJAVA = {"me.chanjar..", "com.github.binarywang..", "okhttp3.."};
    private static final String[] PERSISTENCE = {"org.jdbi..", "org.flywaydb..", "com.zaxxer..", "org.h2..",
            "org.postgresql.."};
    private static final String[] QUARTZ = {"org.quartz.."};
    private static final String[] JAVALIN = {"io.javalin..", "org.eclipse.jetty.."};
    private static final String[] PICOCLI = {"picocli.."};
    private static final String[] MAIL = {"jakarta.mail..", "jakarta.activation..", "org.eclipse.angus..",
            "com.icegreen.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void theImportSeesTheMainClassesButNoTests() {
        assertThat(main.contain("cn.gongkai.Wiring")).isTrue();
        assertThat(main.contain("cn.gongkai.item.DisclosureItem")).isTrue();
        assertThat(main.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void everyPackageIsCoveredByARule() {
        Set<String> found = main.stream().map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(ROOT + "."))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(ALL_PACKAGES).as("every package under cn.gongkai is named in ALL_PACKAGES and covered by the"
                + " rules of this test; a new package needs its rule here").containsExactlyInAnyOrderElementsOf(found);
    }

    @Test
    void theItemPackageDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("cn.gongkai.item..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.gongkai.item..")
                .as("the item package depends only on the JDK")
                .because("items are the vocabulary every other package shares (design.md §3)")
                .check(main);
    }

    @Test
    void corePackagesNeverDependOnAnEdgePackageOrTheCompositionRoot() {
        noClasses().that().resideInAnyPackage(packages(CORE_PACKAGES))
                .should().dependOnClassesThat().resideInAnyPackage(packages(EDGE_PACKAGES))
                .orShould().dependOnClassesThat().resideInAPackage(ROOT)
                .as("review, render, publish, portal, report, intake, config and inspect never use wechat, store,"
                        + " schedule, web, cli, simulator, delivery, probe or the composition root")
                .because("the core talks to the outside only through its own ports, which the edges implement")
                .check(main);
    }

    @Test
    void corePackagesNeverDependOnEdgeLibraries() {
        noClasses().that().resideInAnyPackage(packages(CORE_PACKAGES))
                .should().dependOnClassesThat().resideInAnyPackage(concat(WXJAVA, PERSISTENCE, QUARTZ, JAVALIN,
                        PICOCLI, MAIL, new String[] {"java.sql..", "javax.sql.."}))
                .as("review, render, publish, portal, report, intake, config and inspect never use WxJava, OkHttp, JDBC, Jdbi,"
                        + " Flyway, Hikari, Quartz, Javalin, Jetty, picocli, Jakarta Mail or GreenMail")
                .because("each outside library stays in the one edge package that contains it")
                .check(main);
    }

    @Test
    void wxJavaAndOkHttpAppearOnlyInTheWeChatPackage() {
        onlyIn("wechat", WXJAVA, "WxJava and OkHttp appear only in the wechat package");
    }

    @Test
    void jdbiFlywayHikariAndTheDriversAppearOnlyInTheStorePackage() {
        onlyIn("store", PERSISTENCE, "Jdbi, Flyway, Hikari and the database drivers appear only in the store package");
    }

    @Test
    void jdbcAppearsOnlyInTheStoreAndTheScheduler() {
        noClasses().that().resideOutsideOfPackages("cn.gongkai.store..", "cn.gongkai.schedule..")
                .and().doNotHaveFullyQualifiedName("cn.gongkai.Wiring")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .as("SQL and JDBC appear only in the store package, and in the scheduler's connection provider")
                .because("Quartz keeps its jobs in our database and needs a javax.sql.DataSource and connections")
                .check(main);
    }

    @Test
    void quartzAppearsOnlyInTheSchedulePackage() {
        onlyIn("schedule", QUARTZ, "Quartz appears only in the schedule package");
    }

    @Test
    void javalinAndJettyAppearOnlyInTheWebPackage() {
        onlyIn("web", JAVALIN, "Javalin and Jetty appear only in the web package");
    }

    @Test
    void picocliAppearsOnlyInTheCliPackage() {
        onlyIn("cli", PICOCLI, "picocli appears only in the cli package");
    }

    @Test
    void jakartaMailAngusAndGreenMailAppearOnlyInTheDeliveryPackage() {
        onlyIn("delivery", MAIL, "Jakarta Mail, Angus Mail and GreenMail appear only in the delivery package");
    }

    @Test
    void theDeliveryPackageImplementsThePortalPortAndUsesNoOtherEdge() {
        noClasses().that().resideInAPackage("cn.gongkai.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(packages(List.of("wechat", "store",
                        "schedule", "web", "cli", "simulator", "publish", "review", "render", "report", "intake")),
                        WXJAVA, PERSISTENCE, QUARTZ, JAVALIN, PICOCLI))
                .orShould().dependOnClassesThat().resideInAPackage(ROOT)
                .as("the delivery package (e-mail, webhook, folder) sees only the portal port, the configuration,"
                        + " the item vocabulary and its own libraries")
                .because("a sender carries a finished package; what goes in it and when is decided in the core")
                .check(main);
    }

    @Test
    void theProbePackageImplementsTheInspectionsLinkPortAndNothingElse() {
        noClasses().that().resideInAPackage("cn.gongkai.probe..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(packages(ALL_PACKAGES.stream()
                                .filter(p -> !p.equals("probe") && !p.equals("inspect")).toList()),
                        WXJAVA, PERSISTENCE, QUARTZ, JAVALIN, PICOCLI, MAIL))
                .orShould().dependOnClassesThat().resideInAPackage(ROOT)
                .as("the probe package (JDK HttpClient) sees only the inspection's LinkProbe port")
                .because("the probe only answers whether a link works; which links to ask about, how often and what"
                        + " a failure means is decided in the inspect core")
                .check(main);
    }

    @Test
    void theInspectionReadsWeChatOnlyThroughThePublishingPort() {
        noClasses().that().resideInAPackage("cn.gongkai.inspect..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.net")
                .as("the inspect core never opens a network connection itself")
                .because("it reads WeChat through publish.WeChatGateway and links through its LinkProbe port, so tests"
                        + " drive it with the simulator and a mock server")
                .check(main);
    }

    @Test
    void theCliUsesTheWiringAndTheUseCasesButNeverTheStoreOrAnotherEdge() {
        noClasses().that().resideInAPackage("cn.gongkai.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.gongkai.store..", "cn.gongkai.schedule..",
                        "cn.gongkai.web..", "cn.gongkai.wechat..", "org.jdbi..", "java.sql..", "javax.sql..")
                .as("commands use the wiring and the use cases it builds, never the store, SQL, the scheduler, the"
                        + " web server or the WeChat adapter")
                .because("Wiring is the one composition root; a command asks it for what it needs (the simulator"
                        + " is the exception: `gongkai simulator` runs it and the bench and demo drive it)")
                .check(main);
    }

    @Test
    void onlyTheCompositionRootKnowsMoreThanOneEdgePackage() {
        classes().that().resideOutsideOfPackage(ROOT)
                .should(dependOnAtMostOneEdgePackage())
                .as("only the composition root (Wiring, Serve, App) knows more than one edge package")
                .because("an edge that needs another edge gets it through a port that Wiring connects")
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("cn.gongkai.(*)..")
                .should().beFreeOfCycles()
                .as("no two packages depend on each other, directly or through others")
                .because("a newcomer can then read the packages in one order, item first")
                .check(main);
    }

    private static void onlyIn(String edge, String[] libraries, String sentence) {
        noClasses().that().resideOutsideOfPackage("cn.gongkai." + edge + "..")
                .should().dependOnClassesThat().resideInAnyPackage(libraries)
                .as(sentence)
                .because("each outside library is contained by one edge package (design.md §3)")
                .check(main);
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new);
    }

    private static String[] concat(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    /** An edge package may use one other: cli drives the simulator; every other class uses at most one edge. */
    private static ArchCondition<JavaClass> dependOnAtMostOneEdgePackage() {
        return new ArchCondition<>("depend on at most one edge package (" + String.join(", ", EDGE_PACKAGES)
                + "), counting its own, where cli may also drive the simulator") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String own = edgeOf(javaClass.getPackageName());
                Set<String> used = new TreeSet<>();
                for (Dependency d : javaClass.getDirectDependenciesFromSelf()) {
                    String edge = edgeOf(d.getTargetClass().getPackageName());
                    if (edge != null && !edge.equals(own) && !("cli".equals(own) && "simulator".equals(edge))) {
                        used.add(edge);
                    }
                }
                if (own != null) {
                    used.add(own);
                }
                boolean ok = used.size() <= 1;
                events.add(new SimpleConditionEvent(javaClass, ok,
                        javaClass.getName() + " depends on edge packages " + used));
            }
        };
    }

    private static String edgeOf(String packageName) {
        for (String edge : EDGE_PACKAGES) {
            String p = ROOT + "." + edge;
            if (packageName.equals(p) || packageName.startsWith(p + ".")) {
                return edge;
            }
        }
        return null;
    }
}
