package io.github.dockmaven.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which keys a compose file may have, checked in each file before the files are merged. */
class FileCheckTest {

    private static final String SUPPORTED = "Supported keys: build, cap_add, cap_drop, command, container_name, cpus,"
            + " depends_on, entrypoint, env_file, environment, expose, extra_hosts, healthcheck, hostname, image, init,"
            + " labels, mem_limit, networks, platform, ports, privileged, profiles, shm_size, stop_grace_period,"
            + " stop_signal, tmpfs, ulimits, user, volumes, working_dir, x-*.";

    private static final String TOP_LEVEL = "Supported top-level keys: services, volumes, networks, x-*.";

    @TempDir
    Path dir;

    private ComposeProject project;

    @BeforeEach
    void project() {
        project = new ComposeProject(dir);
    }

    private void refuses(String compose, String message) {
        project.refuses(compose, message);
    }

    @Test
    void everySupportedKeyAndExtensionKeysPassWithoutAWord() {
        StringBuilder compose = new StringBuilder("x-shared: &shared {}\nservices:\n  app:\n");
        for (String key : ServiceKeys.SUPPORTED) {
            compose.append("    ").append(key).append(":\n");
        }
        compose.append("    x-team: checkout\n");
        project.file("compose.yaml", compose.toString());

        assertThat(project.definition("app", "compose.yaml")).hasSize(ServiceKeys.SUPPORTED.size() + 1);
        assertThat(project.console.said()).isEmpty();
    }

    @Test
    void keysWithoutEffectInATestRunAreWarnedAboutAndKept() {
        project.file(
                "src/it/compose.yaml",
                """
                version: "3.8"
                services:
                  web:
                    image: nginx:1.27
                    restart: always
                    deploy:
                      resources:
                        limits: {memory: 512m}
                    logging:
                      driver: json-file
                    stdin_open: true
                    tty: true
                    attach: false
                    develop:
                      watch: [{action: sync, path: ./web, target: /usr/share/nginx/html}]
                """);

        assertThat(project.definition("web", "src/it/compose.yaml"))
                .containsKeys("restart", "deploy", "logging", "stdin_open", "tty", "attach", "develop");
        String web = "WARN Compose file src/it/compose.yaml, service 'web': ";
        assertThat(project.console.said())
                .containsExactly(
                        "WARN Compose file src/it/compose.yaml: 'version' is ignored: it is obsolete in the compose"
                                + " specification.",
                        web + "'restart' is ignored: the plugin starts each service once and stops it after the tests.",
                        web + "'deploy' is ignored: it configures Swarm and replicas; use mem_limit and cpus for"
                                + " limits.",
                        web + "'logging' is ignored: the plugin reads each container's output itself.",
                        web + "'stdin_open' is ignored: no input is attached to a container in a build.",
                        web + "'tty' is ignored: no terminal is attached to a container in a build.",
                        web + "'attach' is ignored: the plugin shows the output of every service.",
                        web + "'develop' is ignored: it serves docker compose watch.");
    }

    @Test
    void anUnsupportedServiceKeyFailsNamingFileServiceAndKey() {
        refuses(
                "services:\n  web:\n    image: nginx\n  usb:\n    image: busybox\n    devices: [/dev/ttyUSB0]\n",
                "Compose file src/it/compose.yaml, service 'usb': the key 'devices' is not supported by"
                        + " dock-maven-plugin. Remove it, or run that service as a <container>. " + SUPPORTED);
        for (String key : new String[] {"secrets", "configs", "network_mode", "links", "pid", "extends"}) {
            refuses(
                    "services:\n  web:\n    image: nginx\n    " + key + ": x\n",
                    "Compose file src/it/compose.yaml, service 'web': the key '" + key + "' is not supported by"
                            + " dock-maven-plugin. Remove it, or run that service as a <container>. " + SUPPORTED);
        }
    }

    @Test
    void aMisspelledKeyGetsTheNearestKnownKeySuggested() {
        refuses(
                "services:\n  web:\n    image: nginx\n    enviroment:\n      A: 1\n",
                "Compose file src/it/compose.yaml, service 'web': the key 'enviroment' is not supported by"
                        + " dock-maven-plugin. Did you mean 'environment'? " + SUPPORTED);
        refuses(
                "services:\n  web:\n    image: nginx\n    port: ['80']\n",
                "Compose file src/it/compose.yaml, service 'web': the key 'port' is not supported by"
                        + " dock-maven-plugin. Did you mean 'ports'? " + SUPPORTED);
        refuses(
                "services:\n  web:\n    image: nginx\n    restrat: always\n",
                "Compose file src/it/compose.yaml, service 'web': the key 'restrat' is not supported by"
                        + " dock-maven-plugin. Did you mean 'restart'? " + SUPPORTED);
    }

    @Test
    void anUnsupportedKeyInALaterFileFailsNamingThatFile() {
        project.file("src/it/compose.yaml", "services:\n  web:\n    image: nginx\n")
                .file("src/it/compose.ci.yaml", "services:\n  web:\n    sysctls:\n      net.core.somaxconn: 1024\n");

        assertThatThrownBy(() -> project.load("src/it/compose.yaml", "src/it/compose.ci.yaml"))
                .hasMessage("Compose file src/it/compose.ci.yaml, service 'web': the key 'sysctls' is not supported by"
                        + " dock-maven-plugin. Remove it, or run that service as a <container>. " + SUPPORTED);
    }

    @Test
    void anUnsupportedTopLevelKeyFails() {
        refuses(
                "services:\n  web:\n    image: nginx\nsecrets:\n  token:\n    file: ./token.txt\n",
                "Compose file src/it/compose.yaml: the top-level key 'secrets' is not supported by dock-maven-plugin."
                        + " Remove it. " + TOP_LEVEL);
        refuses(
                "services:\n  web:\n    image: nginx\nconfigs:\n  nginx:\n    file: ./nginx.conf\n",
                "Compose file src/it/compose.yaml: the top-level key 'configs' is not supported by dock-maven-plugin."
                        + " Remove it. " + TOP_LEVEL);
        refuses(
                "include:\n  - ../db/compose.yaml\nservices:\n  web:\n    image: nginx\n",
                "Compose file src/it/compose.yaml: the top-level key 'include' is not supported by dock-maven-plugin."
                        + " List the included files in <compose><files> instead. " + TOP_LEVEL);
        refuses(
                "service:\n  web:\n    image: nginx\n",
                "Compose file src/it/compose.yaml: the top-level key 'service' is not supported by dock-maven-plugin."
                        + " Did you mean 'services'? " + TOP_LEVEL);
    }

    @Test
    void servicesVolumesAndNetworksMustBeMappingsByName() {
        refuses(
                "services:\n  - web\n",
                "Compose file src/it/compose.yaml: 'services' must map each service's name to its definition, not be"
                        + " a list.");
        refuses(
                "services:\n  web: nginx\n",
                "Compose file src/it/compose.yaml, service 'web': its definition must be a mapping of keys such as"
                        + " image and ports, not 'nginx'.");
        refuses(
                "services:\n  web:\n    image: nginx\nvolumes: data\n",
                "Compose file src/it/compose.yaml: 'volumes' must map each volume's name to its definition, not be"
                        + " 'data'.");
        refuses(
                "services:\n  web:\n    image: nginx\nnetworks:\n  back: true\n",
                "Compose file src/it/compose.yaml: the network 'back' must be a mapping of its options, or empty, not"
                        + " true.");
    }

    @Test
    void aServiceNameMustBeOneComposeAccepts() {
        refuses(
                "services:\n  my web:\n    image: nginx\n",
                "Compose file src/it/compose.yaml: 'my web' is not a valid service name: it has letters, digits, '_',"
                        + " '.' and '-' only, and starts with a letter or a digit.");
        refuses(
                "services:\n  _web:\n    image: nginx\n",
                "Compose file src/it/compose.yaml: '_web' is not a valid service name: it has letters, digits, '_',"
                        + " '.' and '-' only, and starts with a letter or a digit.");
    }

    @Test
    void aNearMissIsAtMostTwoEditsAndCloseForItsLength() {
        assertThat(FileCheck.nearMiss("enviroment", ServiceKeys.SUPPORTED)).contains("environment");
        assertThat(FileCheck.nearMiss("cpu", ServiceKeys.SUPPORTED)).contains("cpus");
        assertThat(FileCheck.nearMiss("iamge", ServiceKeys.SUPPORTED)).contains("image");
        assertThat(FileCheck.nearMiss("pid", ServiceKeys.SUPPORTED)).isEmpty();
        assertThat(FileCheck.nearMiss("dns", ServiceKeys.SUPPORTED)).isEmpty();
        assertThat(FileCheck.nearMiss("network_mode", ServiceKeys.SUPPORTED)).isEmpty();
    }
}
