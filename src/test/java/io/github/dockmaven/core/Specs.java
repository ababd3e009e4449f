package io.github.dockmaven.core;

import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.ContainerSpec.StopMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Builds {@link ContainerSpec}s for tests, with the defaults the POM mapping gives. */
final class Specs {

    private final String alias;
    private String image = "example/img:1";
    private String name;
    private PullPolicy pullPolicy = PullPolicy.MISSING;
    private final List<PortMapping> ports = new ArrayList<>();
    private final List<VolumeMount> volumes = new ArrayList<>();
    private final List<String> dependsOn = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();
    private WaitSpec readiness = new WaitSpec(null, List.of(), null, false, null, Duration.ofSeconds(10));
    private StopMode stopMode = StopMode.STOP;
    private Duration stopTimeout = Duration.ofSeconds(3);
    private RunOptions options = RunOptions.DEFAULTS;
    private ImageBuild imageBuild;
    private final List<Exec> postStart = new ArrayList<>();
    private final List<Exec> preStop = new ArrayList<>();
    private final List<CopyEntry> copyIn = new ArrayList<>();
    private final List<CopyEntry> copyOut = new ArrayList<>();
    private boolean reuse;
    private final Map<String, String> env = new LinkedHashMap<>();

    private Specs(String alias) {
        this.alias = alias;
    }

    static Specs container(String alias) {
        return new Specs(alias);
    }

    Specs image(String image) {
        this.image = image;
        return this;
    }

    /** A fixed container name instead of the generated one. */
    Specs name(String name) {
        this.name = name;
        return this;
    }

    Specs pullPolicy(PullPolicy pullPolicy) {
        this.pullPolicy = pullPolicy;
        return this;
    }

    Specs port(String port) {
        ports.add(PortMapping.parse(port));
        return this;
    }

    Specs volume(String name, String target) {
        volumes.add(new VolumeMount(true, name, target, false));
        return this;
    }

    Specs externalVolume(String name, String target) {
        volumes.add(new VolumeMount(true, name, target, false, true));
        return this;
    }

    Specs bind(String hostPath, String target) {
        volumes.add(new VolumeMount(false, hostPath, target, false));
        return this;
    }

    Specs networks(String... names) {
        networks.addAll(List.of(names));
        return this;
    }

    Specs dependsOn(String... aliases) {
        dependsOn.addAll(List.of(aliases));
        return this;
    }

    /** Waits for a log line matching {@code regex}, within 10s. */
    Specs waitForLog(String regex) {
        readiness = new WaitSpec(Pattern.compile(regex), List.of(), null, false, null, Duration.ofSeconds(10));
        return this;
    }

    /** Waits for the container to exit with {@code code}, within 10s. */
    Specs waitForExit(int code) {
        readiness = new WaitSpec(null, List.of(), null, false, code, Duration.ofSeconds(10));
        return this;
    }

    Specs readiness(WaitSpec readiness) {
        this.readiness = readiness;
        return this;
    }

    Specs stopMode(StopMode stopMode) {
        this.stopMode = stopMode;
        return this;
    }

    Specs stopTimeout(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
        return this;
    }

    Specs options(RunOptions options) {
        this.options = options;
        return this;
    }

    /** Its image is built as {@code imageBuild} says, tagged with its {@link #image}. */
    Specs builtFrom(ImageBuild imageBuild) {
        this.imageBuild = imageBuild;
        return this;
    }

    /** Runs {@code argv} inside it once its wait holds. */
    Specs postStart(String... argv) {
        postStart.add(new Exec(List.of(argv)));
        return this;
    }

    /** Runs {@code argv} inside it before a graceful stop. */
    Specs preStop(String... argv) {
        preStop.add(new Exec(List.of(argv)));
        return this;
    }

    Specs copyIn(String from, String to) {
        copyIn.add(new CopyEntry(from, to));
        return this;
    }

    Specs env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Kept for the next builds, the machine having enabled reuse. */
    Specs reused() {
        this.reuse = true;
        return this;
    }

    Specs copyOut(String from, String to) {
        copyOut.add(new CopyEntry(from, to));
        return this;
    }

    ContainerSpec build() {
        return new ContainerSpec(
                alias,
                image,
                name,
                pullPolicy,
                null,
                null,
                null,
                Map.copyOf(env),
                Map.of(),
                List.copyOf(ports),
                List.copyOf(volumes),
                List.copyOf(dependsOn),
                List.copyOf(networks),
                readiness,
                stopMode,
                stopTimeout,
                options,
                imageBuild,
                List.copyOf(postStart),
                List.copyOf(preStop),
                List.copyOf(copyIn),
                List.copyOf(copyOut),
                reuse);
    }

    /** A plan of the given containers. */
    static Plan plan(Specs... containers) {
        List<ContainerSpec> specs = new ArrayList<>();
        for (Specs c : containers) {
            specs.add(c.build());
        }
        return Plan.of(specs);
    }
}
