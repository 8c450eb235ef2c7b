package cn.gongkai.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of design.md §3, checked against the main classes only. */
class ArchitectureTest {
    private static final List<String> EDGE_PACKAGES =
            List.of("wechat", "store", "schedule", "web", "cli", "simulator");
    private static final String[] EDGE_PACKAGE_PATTERNS = EDGE_PACKAGES.stream()
            .map(p -> "cn.gongkai." + p + "..").toArray(String[]::new);
    private static final String[] CORE_PACKAGES =
            {"cn.gongkai.review..", "cn.gongkai.render..", "cn.gongkai.publish..", "cn.gongkai.report.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("cn.gongkai");
    }

    @Test
    void theImportSeesTheMainClassesButNoTests() {
        org.assertj.core.api.Assertions.assertThat(main.contain("cn.gongkai.Wiring")).isTrue();
        org.assertj.core.api.Assertions.assertThat(main.contain("cn.gongkai.item.DisclosureItem")).isTrue();
        org.assertj.core.api.Assertions.assertThat(main.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void theItemPackageDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("cn.gongkai.item..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.gongkai.item..")
                .check(main);
    }

    @Test
    void corePackagesNeverDependOnAnEdgePackage() {
        noClasses().that().resideInAnyPackage(CORE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(EDGE_PACKAGE_PATTERNS)
                .check(main);
    }

    @Test
    void corePackagesNeverDependOnEdgeLibraries() {
        noClasses().that().resideInAnyPackage(CORE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("me.chanjar..", "com.github.binarywang..",
                        "org.quartz..", "io.javalin..", "org.jdbi..", "picocli..", "okhttp3..", "org.flywaydb..",
                        "com.zaxxer..")
                .check(main);
    }

    @Test
    void wxJavaAndOkHttpAppearOnlyInTheWeChatPackage() {
        noClasses().that().resideOutsideOfPackage("cn.gongkai.wechat..")
                .should().dependOnClassesThat().resideInAnyPackage("me.chanjar..", "com.github.binarywang..",
                        "okhttp3..")
                .check(main);
    }

    @Test
    void jdbiFlywayAndHikariAppearOnlyInTheStorePackage() {
        noClasses().that().resideOutsideOfPackage("cn.gongkai.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.flywaydb..", "com.zaxxer..")
                .check(main);
    }

    @Test
    void quartzAppearsOnlyInTheSchedulePackage() {
        noClasses().that().resideOutsideOfPackage("cn.gongkai.schedule..")
                .should().dependOnClassesThat().resideInAPackage("org.quartz..")
                .check(main);
    }

    @Test
    void javalinAppearsOnlyInTheWebPackage() {
        noClasses().that().resideOutsideOfPackage("cn.gongkai.web..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(main);
    }

    @Test
    void picocliAppearsOnlyInTheCliPackage() {
        noClasses().that().resideOutsideOfPackage("cn.gongkai.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(main);
    }

    @Test
    void onlyTheCompositionRootKnowsMoreThanOneEdgePackage() {
        classes().that().doNotHaveFullyQualifiedName("cn.gongkai.Wiring")
                .and().doNotHaveFullyQualifiedName("cn.gongkai.App")
                .and().resideOutsideOfPackage("cn.gongkai.cli..")
                .should(dependOnAtMostOneEdgePackage())
                .check(main);
    }

    private static ArchCondition<JavaClass> dependOnAtMostOneEdgePackage() {
        return new ArchCondition<>("depend on at most one edge package (" + String.join(", ", EDGE_PACKAGES)
                + "), not counting its own") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String own = edgeOf(javaClass.getPackageName());
                Set<String> used = new TreeSet<>();
                for (Dependency d : javaClass.getDirectDependenciesFromSelf()) {
                    String edge = edgeOf(d.getTargetClass().getPackageName());
                    if (edge != null && !edge.equals(own)) {
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
            String p = "cn.gongkai." + edge;
            if (packageName.equals(p) || packageName.startsWith(p + ".")) {
                return edge;
            }
        }
        return null;
    }
}
