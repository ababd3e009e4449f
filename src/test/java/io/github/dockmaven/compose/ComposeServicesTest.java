package io.github.dockmaven.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.dockmaven.core.ByteSize;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.ContainerSpec.StopMode;
import io.github.dockmaven.core.Cpus;
import io.github.dockmaven.core.ExtraHost;
import io.github.dockmaven.core.Healthcheck;
import io.github.dockmaven.core.ImageBuild;
import io.github.dockmaven.core.Platform;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.RunOptions;
import io.github.dockmaven.core.TmpfsMount;
import io.github.dockmaven.core.Ulimit;
import io.github.dockmaven.core.VolumeMount;
import io.github.dockmaven.core.WaitSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeServicesTest {

    private static final WaitSpec DEFAULT_WAIT =
            new WaitSpec(null, List.of(), null, false, null, WaitSpec.DEFAULT_TIMEOUT);
    private static final WaitSpec HEALTHY = new WaitSpec(null, List.of(), null, true, null, WaitSpec.DEFAULT_TIMEOUT);
    private static final WaitSpec EXITED_0 = new WaitSpec(null, List.of(), null, false, 0, WaitSpec.DEFAULT_TIMEOUT);

    private final ComposeModel shop = ComposeModels.resource("web-db-cache.yaml", Map.of("API_TOKEN", "t0ken"));

    private static ContainerSpec spec(List<ContainerSpec> specs, String alias) {
        return specs.stream().filter(s -> s.alias().equals(alias)).findFirst().orElseThrow();
    }

    @Test
    void everyServiceWithoutAProfileRunsInFileOrderWhenNoProfileIsActive() {
        List<ContainerSpec> specs = ComposeServices.map(shop, List.of(), List.of(), "shop");

        assertThat(specs).extracting(ContainerSpec::alias).containsExactly("web", "db", "cache", "migrate");
    }

    @Test
    void theWebServiceGetsItsCommandEnvironmentPortsDependenciesLabelsAndGracePeriod() {
        ContainerSpec web = spec(ComposeServices.map(shop, List.of(), List.of(), "shop"), "web");

        assertThat(web.image()).isEqualTo("example/shop-web:1.4");
        assertThat(web.name()).isNull();
        assertThat(web.pullPolicy()).isEqualTo(PullPolicy.MISSING);
        assertThat(web.command()).containsExactly("java", "-jar", "/app/shop.jar", "--spring.profiles.active=it test");
        assertThat(web.entrypoint()).isNull();
        assertThat(web.env())
                .containsExactly(
                        entry("LOG_LEVEL", "debug"),
                        entry("API_TOKEN", "t0ken"),
                        entry("JAVA_OPTS", "-Xmx256m -Dgreeting=${NOT_EXPANDED}"),
                        entry("TOKEN_COPY", "t0ken"),
                        entry("DB_URL", "jdbc:postgresql://db:5432/shop"),
                        entry("CACHE_HOST", "cache"));
        assertThat(web.ports())
                .containsExactly(
                        new PortMapping(null, null, 8080, "tcp"),
                        new PortMapping("127.0.0.1", 18081, 8081, "tcp"),
                        new PortMapping(null, 9000, 9000, "udp"),
                        new PortMapping(null, 9001, 9001, "udp"));
        assertThat(web.dependsOn()).containsExactly("db", "migrate", "cache");
        assertThat(web.labels()).containsExactly(entry("com.example.team", "shop"));
        assertThat(web.readiness()).isEqualTo(DEFAULT_WAIT);
        assertThat(web.stopMode()).isEqualTo(StopMode.STOP);
        assertThat(web.stopTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(web.networks()).isEmpty();
        assertThat(web.options()).isEqualTo(RunOptions.DEFAULTS);
        assertThat(web.build()).isNull();
    }

    @Test
    void theDatabaseMountsItsVolumeAndInitScriptsAndIsWaitedForUntilHealthy() {
        ContainerSpec db = spec(ComposeServices.map(shop, List.of(), List.of(), "shop"), "db");

        assertThat(db.env()).containsExactly(entry("POSTGRES_PASSWORD", "secret"), entry("POSTGRES_DB", "shop"));
        assertThat(db.volumes())
                .containsExactly(
                        new VolumeMount(true, "dbdata", "/var/lib/postgresql/data", false),
                        new VolumeMount(
                                false,
                                shop.directory().resolve("initdb").toString(),
                                "/docker-entrypoint-initdb.d",
                                true));
        assertThat(db.options().healthcheck())
                .isEqualTo(new Healthcheck(
                        List.of("CMD", "pg_isready", "-U", "postgres"),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(1),
                        30,
                        Duration.ofSeconds(5)));
        assertThat(db.readiness()).isEqualTo(HEALTHY);
        assertThat(db.stopTimeout()).isEqualTo(ContainerSpec.DEFAULT_STOP_TIMEOUT);
    }

    @Test
    void theMigrationIsWaitedForUntilItExitedZeroBecauseTheWebServiceWaitsForItsCompletion() {
        ContainerSpec migrate = spec(ComposeServices.map(shop, List.of(), List.of(), "shop"), "migrate");

        assertThat(migrate.entrypoint()).containsExactly("/bin/sh", "-c");
        assertThat(migrate.command()).containsExactly("flyway migrate && echo done");
        assertThat(migrate.readiness()).isEqualTo(EXITED_0);
        assertThat(migrate.dependsOn()).containsExactly("db");
    }

    @Test
    void aCommandListIsTakenAsItIsAndAServiceNothingWaitsOnGetsTheDefaultWait() {
        ContainerSpec cache = spec(ComposeServices.map(shop, List.of(), List.of(), "shop"), "cache");

        assertThat(cache.command()).containsExactly("redis-server", "--save", "");
        assertThat(cache.ports()).isEmpty();
        assertThat(cache.readiness()).isEqualTo(DEFAULT_WAIT);
    }

    @Test
    void anActiveProfileAddsItsServices() {
        List<ContainerSpec> specs = ComposeServices.map(shop, List.of("debug"), List.of(), "shop");

        assertThat(specs).extracting(ContainerSpec::alias).containsExactly("web", "db", "cache", "migrate", "debug");
    }

    @Test
    void namedServicesRunWithWhatTheyDependOnTransitivelyAndNothingElse() {
        List<ContainerSpec> specs = ComposeServices.map(shop, List.of(), List.of("migrate"), "shop");

        assertThat(specs).extracting(ContainerSpec::alias).containsExactly("db", "migrate");
        assertThat(spec(specs, "migrate").readiness())
                .as("no running service waits for its completion")
                .isEqualTo(DEFAULT_WAIT);
    }

    @Test
    void aNamedServiceRunsEvenWhenItsProfileIsInactive() {
        List<ContainerSpec> specs = ComposeServices.map(shop, List.of(), List.of("debug"), "shop");

        assertThat(specs).extracting(ContainerSpec::alias).containsExactly("web", "db", "cache", "migrate", "debug");
    }

    @Test
    void everyKeyInItsLongSyntaxReachesTheContainerExactly() {
        ComposeModel model = ComposeModels.resource("every-key-long.yaml", Map.of());

        List<ContainerSpec> specs = ComposeServices.map(model, List.of(), List.of(), "shop");

        ContainerSpec app = spec(specs, "app");
        Healthcheck healthcheck = new Healthcheck(
                List.of("CMD-SHELL", "curl -fs http://localhost:8080/health"),
                Duration.ofSeconds(90),
                Duration.ofMillis(500),
                3,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1));
        assertThat(app)
                .isEqualTo(new ContainerSpec(
                        "app",
                        "dock/shop-app:latest",
                        "shop-app-it",
                        PullPolicy.MISSING,
                        null,
                        null,
                        null,
                        Map.of("REGION", "eu", "MODE", "it"),
                        Map.of("com.example.role", "api", "com.example.flag", ""),
                        List.of(
                                new PortMapping("127.0.0.1", 18080, 8080, "tcp"),
                                new PortMapping(null, null, 53, "udp")),
                        List.of(
                                new VolumeMount(true, "shared", "/shared", true),
                                new VolumeMount(
                                        false, model.directory().resolve("conf").toString(), "/etc/app", false),
                                new VolumeMount(true, "app-anonymous-3", "/var/cache/app", false),
                                new VolumeMount(true, "team-cache-v2", "/team", false, true)),
                        List.of("queue"),
                        List.of(ContainerSpec.BUILD_NETWORK, "partners-net"),
                        HEALTHY,
                        StopMode.STOP,
                        Duration.ofSeconds(20),
                        new RunOptions(
                                List.of(
                                        new TmpfsMount("/run", "size=16m"),
                                        new TmpfsMount("/scratch", "size=67108864,mode=1777")),
                                ByteSize.parse("512m"),
                                null,
                                ByteSize.parse("256m"),
                                Cpus.parse("1.5"),
                                List.of(new Ulimit("nofile", 20000, 40000), new Ulimit("nproc", 65535, 65535)),
                                true,
                                true,
                                false,
                                List.of("NET_ADMIN"),
                                List.of("MKNOD"),
                                List.of(
                                        new ExtraHost("billing.local", "10.0.0.7"),
                                        new ExtraHost("outside", "host-gateway")),
                                Platform.parse("linux/amd64"),
                                "app-it",
                                "1000:1000",
                                "/srv",
                                List.of("api", "app.internal"),
                                healthcheck,
                                "SIGINT"),
                        new ImageBuild(
                                model.directory().resolve("app"),
                                "docker/Dockerfile.it",
                                Map.of("JAR", "target/app.jar"),
                                "runtime",
                                true,
                                true),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        false));
    }

    @Test
    void aServiceOnlyOnAnExternalNetworkLeavesTheBuildsNetworkAndADisabledHealthcheckMeansTheDefaultWait() {
        ComposeModel model = ComposeModels.resource("every-key-long.yaml", Map.of());

        ContainerSpec queue = spec(ComposeServices.map(model, List.of(), List.of(), "shop"), "queue");

        assertThat(queue.networks()).containsExactly("partners-net");
        assertThat(queue.options().healthcheck()).isEqualTo(new Healthcheck(List.of("NONE"), null, null, null, null));
        assertThat(queue.readiness()).isEqualTo(DEFAULT_WAIT);
    }

    @Test
    void everyKeyInItsShortSyntaxReachesTheContainerExactly() {
        ComposeModel model = ComposeModels.resource("every-key-short.yaml", Map.of());

        List<ContainerSpec> specs = ComposeServices.map(model, List.of(), List.of(), "shop");

        ContainerSpec api = spec(specs, "api");
        assertThat(api.image()).isEqualTo("example/api:it");
        assertThat(api.build())
                .isEqualTo(new ImageBuild(
                        model.directory().resolve("app/docker"), "Dockerfile", Map.of(), null, false, false));
        assertThat(api.env())
                .containsExactly(
                        entry("REGION", "eu"),
                        entry("MODE", "file"),
                        entry("JAVA_OPTS", "-Xmx256m -Dfile.encoding=UTF-8"),
                        entry("EMPTY", ""));
        assertThat(api.ports())
                .containsExactly(
                        new PortMapping(null, null, 8080, "tcp"),
                        new PortMapping(null, 8443, 443, "tcp"),
                        new PortMapping("127.0.0.1", null, 9090, "tcp"),
                        new PortMapping("[::1]", 5005, 5005, "tcp"),
                        new PortMapping(null, null, 7000, "tcp"),
                        new PortMapping(null, null, 7001, "tcp"));
        assertThat(api.volumes())
                .containsExactly(
                        new VolumeMount(true, "logs", "/var/log/api", false),
                        new VolumeMount(false, "/etc/hosts", "/etc/host-hosts", true),
                        new VolumeMount(false, System.getProperty("user.home"), "/home/dev", false),
                        new VolumeMount(true, "api-anonymous-3", "/tmp/api", false));
        assertThat(api.networks())
                .as("back and default are both the build's network")
                .isEmpty();
        assertThat(api.labels()).containsExactly(entry("com.example.port", "8080"));
        RunOptions options = api.options();
        assertThat(options.tmpfs()).containsExactly(new TmpfsMount("/run", ""));
        assertThat(options.extraHosts())
                .containsExactly(
                        new ExtraHost("billing.local", "10.0.0.7"),
                        new ExtraHost("v6.local", "::1"),
                        new ExtraHost("gateway", "host-gateway"));
        assertThat(options.ulimits()).containsExactly(new Ulimit("nofile", 20000, 20000));
        assertThat(options.healthcheck())
                .isEqualTo(new Healthcheck(
                        List.of("CMD-SHELL", "wget -q -O- localhost:8080/health || exit 1"), null, null, null, null));
        assertThat(options.capAdd()).containsExactly("SYS_PTRACE");
        assertThat(options.privileged()).isFalse();
        assertThat(options.cpus()).isEqualTo(Cpus.parse("0.5"));
        assertThat(options.stopSignal()).isEqualTo("2");
        assertThat(api.stopTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(api.readiness()).isEqualTo(HEALTHY);
    }

    @Test
    void aServiceOthersWaitForUntilHealthyIsWaitedForUntilHealthyWithItsOwnStringTest() {
        ComposeModel model = ComposeModels.resource("every-key-short.yaml", Map.of());

        ContainerSpec worker = spec(ComposeServices.map(model, List.of(), List.of(), "shop"), "worker");

        assertThat(worker.options().healthcheck())
                .isEqualTo(new Healthcheck(
                        List.of("CMD-SHELL", "worker --check"), Duration.ofSeconds(5), null, null, null));
        assertThat(worker.readiness()).isEqualTo(HEALTHY);
    }

    @Test
    void aDefaultNetworkDeclaredExternalIsJoinedByItsNameInsteadOfTheBuildsNetwork() {
        ComposeModel model = ComposeModels.model(
                Path.of("."),
                """
                services:
                  web:
                    image: nginx
                networks:
                  default:
                    name: ci-shared
                    external: true
                """);

        ContainerSpec web =
                ComposeServices.map(model, List.of(), List.of(), "shop").get(0);

        assertThat(web.networks()).containsExactly("ci-shared");
    }

    @Test
    void anOptionalDependencyOnAServiceWhoseProfileIsInactiveIsLeftOut() {
        ComposeModel model = ComposeModels.model(
                Path.of("."),
                """
                services:
                  web:
                    image: nginx
                    depends_on:
                      tracing:
                        condition: service_started
                        required: false
                  tracing:
                    image: jaeger
                    profiles: [observability]
                """);

        List<ContainerSpec> specs = ComposeServices.map(model, List.of(), List.of(), "shop");

        assertThat(specs).singleElement().satisfies(web -> assertThat(web.dependsOn())
                .isEmpty());
    }

    @Test
    void aLongPortWithAnIpv6HostAddressAndAPublishedRangeIsOneMappingPerPort() {
        ComposeModel model = ComposeModels.model(
                Path.of("."),
                """
                services:
                  dns:
                    image: coredns
                    ports:
                      - target: 5353-5354
                        published: 15353-15354
                        host_ip: "::1"
                        protocol: udp
                """);

        ContainerSpec dns =
                ComposeServices.map(model, List.of(), List.of(), "shop").get(0);

        assertThat(dns.ports())
                .containsExactly(
                        new PortMapping("[::1]", 15353, 5353, "udp"), new PortMapping("[::1]", 15354, 5354, "udp"));
    }

    @Test
    void aHealthcheckWithoutTestKeepsTheImagesCommandAndTheDefaultWait() {
        ComposeModel model = ComposeModels.model(
                Path.of("."),
                """
                services:
                  db:
                    image: dock-it/busybox-healthy:1
                    healthcheck:
                      interval: 1s
                """);

        ContainerSpec db =
                ComposeServices.map(model, List.of(), List.of(), "shop").get(0);

        assertThat(db.options().healthcheck())
                .isEqualTo(new Healthcheck(null, Duration.ofSeconds(1), null, null, null));
        assertThat(db.readiness())
                .as("healthy if the image declares a HEALTHCHECK")
                .isEqualTo(DEFAULT_WAIT);
    }
}
