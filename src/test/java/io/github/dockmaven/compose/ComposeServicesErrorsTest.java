package io.github.dockmaven.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every wrong value fails before anything is created, naming file, service, key path, value and fix. */
class ComposeServicesErrorsTest {

    @TempDir
    Path dir;

    private String failure(String yaml) {
        return failure(yaml, List.of(), List.of());
    }

    private String failure(String yaml, List<String> profiles, List<String> services) {
        return catchThrowableOfType(
                        BuildFailure.class,
                        () -> ComposeServices.map(ComposeModels.model(dir, yaml), profiles, services, "shop"))
                .getMessage();
    }

    @Test
    void aServiceNamedInServicesThatTheFilesDoNotHaveIsAnErrorListingTheServices() {
        assertThat(failure(
                        "services:\n" + "  web:\n" + "    image: nginx\n" + "  db:\n" + "    image: postgres\n",
                        List.of(),
                        List.of("api")))
                .isEqualTo("The service 'api' in <services> is not in src/it/compose.yaml. Services there: web, db.");
    }

    @Test
    void aProfileThatEnablesNoServiceIsAnErrorListingTheProfiles() {
        assertThat(failure(
                        "services:\n"
                                + "  web:\n"
                                + "    image: nginx\n"
                                + "  tools:\n"
                                + "    image: busybox\n"
                                + "    profiles: [debug, ops]\n",
                        List.of("dbug"),
                        List.of()))
                .isEqualTo(
                        "The profile 'dbug' in <profiles> enables no service of src/it/compose.yaml. Profiles there: debug, ops.");
    }

    @Test
    void aDependencyOnAMissingServiceIsAnError() {
        assertThat(failure("services:\n"
                        + "  web:\n"
                        + "    image: nginx\n"
                        + "    depends_on: [db]\n"
                        + "  cache:\n"
                        + "    image: redis\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', depends_on[0]: names the service 'db', which is not in src/it/compose.yaml. Services there: web, cache. Fix the name, or remove it from depends_on.");
    }

    @Test
    void aDependencyOnAServiceWhoseProfileIsInactiveIsAnError() {
        assertThat(failure("services:\n"
                        + "  web:\n"
                        + "    image: nginx\n"
                        + "    depends_on:\n"
                        + "      db:\n"
                        + "        condition: service_started\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    profiles: [with-db]\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', depends_on.db: names the service 'db', which runs only with the profile with-db, and none is active. Add it to <profiles>, or set required: false on this dependency.");
    }

    @Test
    void dependenciesThatFormACycleAreAnErrorNamingTheCycle() {
        assertThat(failure("services:\n"
                        + "  a:\n"
                        + "    image: x\n"
                        + "    depends_on: [b]\n"
                        + "  b:\n"
                        + "    image: x\n"
                        + "    depends_on: [c]\n"
                        + "  c:\n"
                        + "    image: x\n"
                        + "    depends_on: [a]\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'a', depends_on: forms a cycle: a -> b -> c -> a. A service cannot wait for one that waits for it; remove one of these depends_on entries.");
    }

    @Test
    void anUnknownDependencyConditionIsAnError() {
        assertThat(failure("services:\n"
                        + "  web:\n"
                        + "    image: nginx\n"
                        + "    depends_on:\n"
                        + "      db:\n"
                        + "        condition: service_ready\n"
                        + "  db:\n"
                        + "    image: postgres\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', depends_on.db.condition: 'service_ready' is not a condition; use service_started, service_healthy or service_completed_successfully.");
    }

    @Test
    void waitingForHealthOfAServiceWhoseHealthcheckIsDisabledIsAnError() {
        assertThat(failure("services:\n"
                        + "  web:\n"
                        + "    image: nginx\n"
                        + "    depends_on:\n"
                        + "      db:\n"
                        + "        condition: service_healthy\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    healthcheck:\n"
                        + "      disable: true\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', depends_on.db: waits for 'db' to be healthy, but its healthcheck is disabled, so it never is. Enable the healthcheck, or use condition: service_started.");
    }

    @Test
    void waitingForBothHealthAndCompletionOfOneServiceIsAnError() {
        assertThat(failure("services:\n"
                        + "  web:\n"
                        + "    image: nginx\n"
                        + "    depends_on:\n"
                        + "      job:\n"
                        + "        condition: service_healthy\n"
                        + "  api:\n"
                        + "    image: api\n"
                        + "    depends_on:\n"
                        + "      job:\n"
                        + "        condition: service_completed_successfully\n"
                        + "  job:\n"
                        + "    image: job\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', depends_on.job: waits for 'job' to be healthy, but service 'api' waits for it to complete (service_completed_successfully). A service cannot be both; use one condition.");
    }

    @Test
    void portsGivenAsAMapAreAnError() {
        assertThat(failure("services:\n" + "  web:\n" + "    image: nginx\n" + "    ports:\n" + "      http: 80\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', ports: must be a list, not a map ({http=80}). See the compose specification for the forms of 'ports'.");
    }

    @Test
    void aPortAboveTheHighestIsAnError() {
        assertThat(failure("services:\n"
                        + "  web:\n"
                        + "    image: nginx\n"
                        + "    ports:\n"
                        + "      - \"8080:80\"\n"
                        + "      - \"99999:80\"\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', ports[1]: '99999:80' is not a port mapping: 99999 is above 65535, the highest port.");
    }

    @Test
    void rangesOfDifferentLengthsAreAnError() {
        assertThat(failure("services:\n"
                        + "  web:\n"
                        + "    image: nginx\n"
                        + "    ports:\n"
                        + "      - \"9000-9002:9000-9001\"\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', ports[0]: '9000-9002:9000-9001' maps 3 host port(s) to 2 container port(s); give ranges of the same length, or one port each.");
    }

    @Test
    void aProtocolOtherThanTcpOrUdpIsAnError() {
        assertThat(failure(
                        "services:\n" + "  web:\n" + "    image: nginx\n" + "    ports:\n" + "      - \"80/sctp\"\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', ports[0]: '80/sctp' has the protocol 'sctp'; use tcp or udp.");
    }

    @Test
    void aLongPortWithoutTargetIsAnError() {
        assertThat(failure("services:\n"
                        + "  web:\n"
                        + "    image: nginx\n"
                        + "    ports:\n"
                        + "      - published: 8080\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', ports[0]: has no 'target', the container port. Add target: <containerPort>.");
    }

    @Test
    void aNamedVolumeTheTopLevelDoesNotDeclareIsAnError() {
        assertThat(failure("services:\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    volumes:\n"
                        + "      - pgdata:/var/lib/postgresql/data\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'db', volumes[0]: 'pgdata:/var/lib/postgresql/data' mounts the volume 'pgdata', which the top-level volumes do not declare. Declare it (volumes: {pgdata: {}}), or start a host path with ./ to bind a folder.");
    }

    @Test
    void aRelativeContainerPathIsAnError() {
        assertThat(failure("services:\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    volumes:\n"
                        + "      - ./data:data\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'db', volumes[0]: './data:data' has the container path 'data', which is not absolute. Write source:target[:ro|rw], with a declared volume name or a path starting with ., / or ~ as the source, such as data:/var/lib/data or ./conf:/etc/app:ro.");
    }

    @Test
    void aBindOfAHostPathThatDoesNotExistIsAnErrorInsteadOfAnEmptyFolder() {
        assertThat(failure("services:\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    volumes:\n"
                        + "      - ./initdb:/docker-entrypoint-initdb.d:ro\n"))
                .isEqualTo("src/it/compose.yaml, service 'db', volumes[0]: './initdb:/docker-entrypoint-initdb.d:ro'"
                        + " binds the host path " + dir.resolve("initdb") + ", which does not exist. Create it, or"
                        + " fix the path (relative to the folder of the first compose file).");
    }

    @Test
    void aVolumeModeThePluginDoesNotSupportIsAnError() {
        assertThat(failure("services:\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    volumes:\n"
                        + "      - ./data:/data:z\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'db', volumes[0]: './data:/data:z' has the mode 'z', which this plugin does not support; use ro or rw.");
    }

    @Test
    void aVolumeTypeThePluginDoesNotSupportIsAnError() {
        assertThat(failure("services:\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    volumes:\n"
                        + "      - type: npipe\n"
                        + "        source: pipe\n"
                        + "        target: /pipe\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'db', volumes[0].type: 'npipe' is not a volume type this plugin supports; use volume, bind or tmpfs.");
    }

    @Test
    void anUnsupportedKeyOfALongVolumeIsAnErrorListingTheSupportedOnes() {
        assertThat(failure("services:\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    volumes:\n"
                        + "      - type: bind\n"
                        + "        source: ./data\n"
                        + "        target: /data\n"
                        + "        bind:\n"
                        + "          propagation: rshared\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'db', volumes[0].bind.propagation: this key is not supported; the keys of volumes[0].bind are create_host_path.");
    }

    @Test
    void aVolumeWithADriverOtherThanLocalIsAnError() {
        assertThat(failure("services:\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    volumes:\n"
                        + "      - data:/data\n"
                        + "volumes:\n"
                        + "  data:\n"
                        + "    driver: nfs\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'db', top-level volumes.data.driver: 'nfs' is not supported: the build's volumes use the engine's local driver.");
    }

    @Test
    void aNetworkTheTopLevelDoesNotDeclareIsAnError() {
        assertThat(failure("services:\n" + "  web:\n" + "    image: nginx\n" + "    networks: [front]\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', networks[0]: names the network 'front', which the top-level networks do not declare. Declare it (networks: {front: {}}), or add external: true there for an existing network.");
    }

    @Test
    void aNetworkWithADriverOtherThanBridgeIsAnError() {
        assertThat(failure("services:\n"
                        + "  web:\n"
                        + "    image: nginx\n"
                        + "    networks: [front]\n"
                        + "networks:\n"
                        + "  front:\n"
                        + "    driver: overlay\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', top-level networks.front.driver: 'overlay' is not supported: the build's own network is a bridge network; declare an existing network with external: true to use another driver.");
    }

    @Test
    void anUnsupportedKeyOfAServiceNetworkIsAnError() {
        assertThat(failure("services:\n"
                        + "  web:\n"
                        + "    image: nginx\n"
                        + "    networks:\n"
                        + "      front:\n"
                        + "        ipv4_address: 172.16.238.10\n"
                        + "networks:\n"
                        + "  front:\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'web', networks.front.ipv4_address: this key is not supported; the keys of networks.front are aliases.");
    }

    @Test
    void aHealthcheckIntervalThatIsNotADurationIsAnError() {
        assertThat(failure("services:\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    healthcheck:\n"
                        + "      test: pg_isready\n"
                        + "      interval: 2 seconds\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'db', healthcheck.interval: '2 seconds' is not valid: expected a duration such as 500ms, 3s, 1m or 1m30s.");
    }

    @Test
    void aHealthcheckTestListWithoutItsCommandIsAnError() {
        assertThat(failure("services:\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    healthcheck:\n"
                        + "      test: [\"CMD\"]\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'db', healthcheck.test: '[CMD]' is not a health check test. Write [\"CMD\", \"program\", \"arg\"…], [\"CMD-SHELL\", \"command line\"] or [\"NONE\"].");
    }

    @Test
    void negativeHealthcheckRetriesAreAnError() {
        assertThat(failure("services:\n"
                        + "  db:\n"
                        + "    image: postgres\n"
                        + "    healthcheck:\n"
                        + "      test: pg_isready\n"
                        + "      retries: -1\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'db', healthcheck.retries: '-1' is not a whole number of at least 0.");
    }

    @Test
    void anUnsupportedBuildKeyIsAnErrorListingTheSupportedOnes() {
        assertThat(failure(
                        "services:\n" + "  app:\n" + "    build:\n" + "      context: .\n" + "      ssh: [default]\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', build.ssh: this key is not supported; the keys of build are args, context, dockerfile, no_cache, pull, target.");
    }

    @Test
    void aBuildContextThatIsNotAFolderIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    build: ./missing\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', build: names the build context " + dir
                                + "/missing, which is not a folder. Give a folder relative to the compose file (a Git URL is not supported).");
    }

    @Test
    void aServiceWithNeitherImageNorBuildIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    command: run\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app': it has neither image nor build. Add image: <name[:tag]>, or build: <context folder> to build one.");
    }

    @Test
    void anEnvFileThatDoesNotExistIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    env_file: missing.env\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', env_file: the env file " + dir
                                + "/missing.env cannot be used: the file does not exist. Fix the file, or use the long syntax with required: false.");
    }

    @Test
    void anEnvironmentGivenAsOneStringIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    environment: DEBUG=1\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', environment: 'DEBUG=1' is not a map or a list of NAME=value. See the compose specification for the forms of 'environment'.");
    }

    @Test
    void aMemoryLimitThatIsNotASizeIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    mem_limit: 12XB\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', mem_limit: '12XB' is not valid: expected bytes, or a number with the unit k, m, g or t, such as 512m or 2g.");
    }

    @Test
    void cpusThatAreNotANumberAreAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    cpus: lots\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', cpus: 'lots' is not valid: expected a decimal number of CPUs, such as 1 or 1.5.");
    }

    @Test
    void anUlimitWithoutItsHardLimitIsAnError() {
        assertThat(failure("services:\n"
                        + "  app:\n"
                        + "    image: app\n"
                        + "    ulimits:\n"
                        + "      nofile:\n"
                        + "        soft: 1024\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', ulimits.nofile: needs both soft and hard, such as {soft: 20000, hard: 40000}.");
    }

    @Test
    void anExtraHostWithoutAnAddressIsAnError() {
        assertThat(failure("services:\n"
                        + "  app:\n"
                        + "    image: app\n"
                        + "    extra_hosts:\n"
                        + "      - \"billing.local:somewhere\"\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', extra_hosts[0]: 'billing.local:somewhere' is not valid: 'somewhere' is neither an IP address nor host-gateway.");
    }

    @Test
    void aStopSignalThatIsNoSignalIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    stop_signal: please stop\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', stop_signal: 'please stop' is not a signal; write its name or number, such as SIGINT, SIGQUIT or 2.");
    }

    @Test
    void aStopGracePeriodThatIsNotADurationIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    stop_grace_period: soon\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', stop_grace_period: 'soon' is not valid: expected a duration such as 500ms, 3s, 1m or 1m30s.");
    }

    @Test
    void aCommandWithAnUnclosedQuoteIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    command: echo \"hello\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', command: 'echo \"hello' is not valid: the quote \" is not closed.");
    }

    @Test
    void aContainerNameWithSpacesIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    container_name: my app\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', container_name: 'my app' is not a container name; use letters, digits, '_', '.' and '-', starting with a letter or digit.");
    }

    @Test
    void aPlatformThatIsNotOsSlashArchIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    platform: amd64\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', platform: 'amd64' is not valid: expected os/arch or os/arch/variant in lower case, such as linux/amd64 or linux/arm64/v8.");
    }

    @Test
    void anUnknownCapabilityIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    cap_add: [NET_ADMN]\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', cap_add[0]: 'NET_ADMN' is not valid: it is not a Linux capability (see capabilities(7)), such as NET_ADMIN or SYS_TIME, nor ALL.");
    }

    @Test
    void aBooleanWrittenAsYesIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    privileged: yes\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', privileged: 'yes' is not true or false. See the compose specification for the forms of 'privileged'.");
    }

    @Test
    void aRelativeWorkingDirIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    working_dir: src\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', working_dir: 'src' is not an absolute path in the container, such as /app.");
    }

    @Test
    void aLabelWithoutNameIsAnError() {
        assertThat(failure("services:\n" + "  app:\n" + "    image: app\n" + "    labels:\n" + "      - \"=x\"\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', labels[0]: '=x' has no name before '='. Write NAME=value.");
    }

    @Test
    void aDependencyGivenAsAMapInsideTheListIsAnError() {
        assertThat(failure("services:\n"
                        + "  app:\n"
                        + "    image: app\n"
                        + "    depends_on:\n"
                        + "      - db: {condition: service_healthy}\n"
                        + "  db:\n"
                        + "    image: db\n"))
                .isEqualTo(
                        "src/it/compose.yaml, service 'app', depends_on[0]: must be a single value, not a map ({db={condition=service_healthy}}). See the compose specification for the forms of 'depends_on'.");
    }

    @Test
    void anOptionalDependencyOnAMissingServiceIsLeftOut() {
        List<ContainerSpec> specs = ComposeServices.map(
                ComposeModels.model(
                        dir,
                        "services:\n  web:\n    image: nginx\n    depends_on:\n      metrics:\n        required: false\n"),
                List.of(),
                List.of(),
                "shop");

        assertThat(specs).singleElement().satisfies(web -> assertThat(web.dependsOn())
                .isEmpty());
    }

    @Test
    void aHealthcheckGivenAsOneStringIsAnError() {
        assertThat(
                        failure(
                                """
                        services:
                          db:
                            image: postgres
                            healthcheck: pg_isready
                        """))
                .isEqualTo("src/it/compose.yaml, service 'db', healthcheck: 'pg_isready' is not a map. See the compose"
                        + " specification for the forms of 'healthcheck'.");
    }

    @Test
    void aLongVolumeWhoseSourceIsNotDeclaredIsAnError() {
        assertThat(
                        failure(
                                """
                        services:
                          db:
                            image: postgres
                            volumes:
                              - type: volume
                                source: shared
                                target: /shared
                        volumes:
                          other:
                            external: true
                        """))
                .isEqualTo("src/it/compose.yaml, service 'db', volumes[0].source: 'shared' mounts the volume 'shared',"
                        + " which the top-level volumes do not declare. Declare it (volumes: {shared: {}}), or start a"
                        + " host path with ./ to bind a folder.");
    }
}
