package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.ShellWords;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineContainerTest {

    private static final Path FOLDER = Path.of("/home/dev/scratch");

    private static CommandLineContainer image(String image) {
        return new CommandLineContainer(image, null, null, null, null, null, null);
    }

    private static void assertFails(CommandLineContainer container, String message) {
        assertThatThrownBy(() -> container.spec(FOLDER, "shop"))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(message);
    }

    @Test
    void withoutAnyPropertyTheCommandLineNamesNoContainer() {
        assertThat(image(null).spec(FOLDER, "shop")).isEmpty();
        assertThat(image(" ").spec(FOLDER, "shop")).isEmpty();
    }

    @Test
    void everyPropertyBecomesTheSameSpecAsTheContainerElementWould() {
        ContainerSpec spec = new CommandLineContainer(
                        "redis:7",
                        "cache",
                        "6379, 16380:6380,53/udp",
                        "TZ=UTC,EMPTY=,URL=a=b",
                        "redis-server --save ''",
                        "Ready",
                        "6379")
                .spec(FOLDER, "shop")
                .orElseThrow();

        assertThat(spec.alias()).isEqualTo("cache");
        assertThat(spec.image()).isEqualTo("redis:7");
        assertThat(spec.ports())
                .containsExactly(
                        new PortMapping(null, null, 6379, "tcp"),
                        new PortMapping(null, 16380, 6380, "tcp"),
                        new PortMapping(null, null, 53, "udp"));
        assertThat(spec.env()).containsExactly(entry("TZ", "UTC"), entry("EMPTY", ""), entry("URL", "a=b"));
        assertThat(spec.command()).containsExactly("redis-server", "--save", "");
        assertThat(spec.readiness().log().pattern()).isEqualTo("Ready");
        assertThat(spec.readiness().tcp()).containsExactly(6379);
    }

    @ParameterizedTest
    @CsvSource({
        "redis:7, redis",
        "redis, redis",
        "registry.example.com:5000/cache/redis:7, redis",
        "docker.io/library/postgres@sha256:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                + ", postgres",
        "team/my-app.v2, my-app.v2"
    })
    void theAliasDefaultsToTheLastPartOfTheImagesName(String image, String alias) {
        assertThat(image(image).spec(FOLDER, "shop").orElseThrow().alias()).isEqualTo(alias);
    }

    @Test
    void anImageWithNothingAfterTheColonIsRejectedBeforeAnAliasIsDerived() {
        assertFails(
                image("redis:"),
                "-Ddock.image=redis: is not a valid image reference. Write it as name[:tag] or name@digest, the name in"
                        + " lower case, e.g. postgres:16 or registry.example.com:5000/team/app:1.0.");
        assertFails(
                image("team/"),
                "-Ddock.image=team/ is not a valid image reference. Write it as name[:tag] or name@digest, the name in"
                        + " lower case, e.g. postgres:16 or registry.example.com:5000/team/app:1.0.");
    }

    @Test
    void aBadPortNamesThePropertyAndTheEntry() {
        assertFails(
                new CommandLineContainer("redis:7", null, "6379,63x79", null, null, null, null),
                "Container 'redis': -Ddock.ports=63x79 is not a valid port: expected 'containerPort',"
                        + " 'hostPort:containerPort' or 'hostIp:hostPort:containerPort', optionally followed by /tcp"
                        + " or /udp. Examples: -Ddock.ports=8080, -Ddock.ports=18080:8080, -Ddock.ports=53/udp.");
    }

    @Test
    void anEnvEntryWithoutANameIsRejected() {
        assertFails(
                new CommandLineContainer("redis:7", null, null, "TZ=UTC,=x", null, null, null),
                "Container 'redis': -Ddock.env=TZ=UTC,=x has the entry '=x', which is not NAME=value. Separate the"
                        + " entries with commas, e.g. -Ddock.env=TZ=UTC,LANG=C.UTF-8.");
    }

    @Test
    void aWaitedPortMustBePublished() {
        assertFails(
                new CommandLineContainer("redis:7", null, "6380", null, null, null, "6379"),
                "Container 'redis': -Ddock.wait.tcp checks port 6379, which is not in -Ddock.ports. Add"
                        + " -Ddock.ports=6379 so it can be reached from the build.");
    }

    @Test
    void anUnclosedQuoteInTheCommandIsRejected() {
        assertFails(
                new CommandLineContainer("redis:7", null, null, null, "redis-server --save '", null, null),
                "Container 'redis': -Ddock.command=redis-server --save ' cannot be split into words: "
                        + unclosedQuoteReason() + ". Close the quote.");
    }

    @Test
    void aBadLogPatternNamesTheProperty() {
        assertThatThrownBy(() -> new CommandLineContainer("redis:7", null, null, null, null, "Ready (", null)
                        .spec(FOLDER, "shop"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith(
                        "Container 'redis': -Ddock.wait.log=Ready ( is not a valid Java regular" + " expression: ");
    }

    @Test
    void propertiesWithoutAnImageAreRejected() {
        assertFails(
                new CommandLineContainer(null, null, null, "TZ=UTC", null, null, null),
                "-Ddock.env=TZ=UTC describes a container, but -Ddock.image is not given. Name its image, e.g."
                        + " -Ddock.image=redis:7.");
    }

    private static String unclosedQuoteReason() {
        try {
            ShellWords.split("'");
            throw new AssertionError("ShellWords accepted an unclosed quote");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
