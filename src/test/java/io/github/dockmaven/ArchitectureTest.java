package io.github.dockmaven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.dockmaven.core.Plan;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of STYLE.md: a core that knows neither Maven nor docker-java, one adapter for each of them, the
 * layers {@code maven -> watchdog -> docker -> core} with {@code compose} between the Maven layer and the core, and no
 * cycles between any two packages.
 */
class ArchitectureTest {

    private static final String CORE = "io.github.dockmaven.core..";
    private static final String CORE_MODEL = "io.github.dockmaven.core";
    private static final String WAIT = "io.github.dockmaven.core.wait..";
    private static final String WATCHDOG = "io.github.dockmaven.watchdog..";
    private static final String DOCKER = "io.github.dockmaven.docker..";
    private static final String MAVEN = "io.github.dockmaven.maven..";
    private static final String COMPOSE = "io.github.dockmaven.compose..";
    private static final String DOCKER_JAVA = "com.github.dockerjava..";
    private static final String MAVEN_API = "org.apache.maven..";

    private static JavaClasses main;

    @BeforeAll
    static void importTheMainClasses() {
        // The rules look at our classes and the names of what they use; loading the JDK and every library they use
        // from the class path as well would only make this test slow.
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            main = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(mainClassesDirectory());
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    /** {@code target/classes}: scanning only it, not every jar on the class path, keeps this test fast. */
    private static Path mainClassesDirectory() {
        try {
            return Path.of(Plan.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCoreImportsNeitherMavenNorDockerJava() {
        noClasses()
                .that()
                .resideInAPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(MAVEN_API, DOCKER_JAVA)
                .check(main);
    }

    @Test
    void onlyTheDockerAdapterImportsDockerJava() {
        noClasses()
                .that()
                .resideOutsideOfPackage(DOCKER)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(DOCKER_JAVA)
                .check(main);
    }

    @Test
    void onlyTheMavenLayerImportsMaven() {
        noClasses()
                .that()
                .resideOutsideOfPackage(MAVEN)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(MAVEN_API)
                .check(main);
    }

    @Test
    void theCoreDependsOnNeitherTheDockerAdapterNorTheMavenLayer() {
        noClasses()
                .that()
                .resideInAPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(DOCKER, MAVEN)
                .check(main);
    }

    @Test
    void theDockerAdapterDoesNotDependOnTheMavenLayer() {
        noClasses()
                .that()
                .resideInAPackage(DOCKER)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(MAVEN)
                .check(main);
    }

    @Test
    void theReadinessConditionsUseOnlyTheCoresTypesAndTheJdk() {
        // Not the start steps, which run the wait: the wait stays below them.
        classes()
                .that()
                .resideInAPackage(WAIT)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(CORE_MODEL, WAIT, "java..")
                .check(main);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("maven")
                .definedBy(MAVEN)
                .layer("compose")
                .definedBy(COMPOSE)
                .layer("watchdog")
                .definedBy(WATCHDOG)
                .layer("docker")
                .definedBy(DOCKER)
                .layer("core")
                .definedBy(CORE)
                .whereLayer("maven")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("compose")
                .mayOnlyBeAccessedByLayers("maven")
                .whereLayer("watchdog")
                .mayOnlyBeAccessedByLayers("maven")
                .whereLayer("docker")
                .mayOnlyBeAccessedByLayers("watchdog", "maven")
                .whereLayer("core")
                .mayOnlyBeAccessedByLayers("docker", "watchdog", "compose", "maven")
                .check(main);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        // Every package its own slice, sub-packages too: core.start runs core.wait, which reads the core's types.
        slices().matching("io.github.dockmaven.(**)").should().beFreeOfCycles().check(main);
    }
}
