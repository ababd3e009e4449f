package io.github.dockmaven.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds what this plugin created by its labels and removes it: for a {@code dock:stop} run separately from {@code
 * dock:run}, for {@code dock:remove}, and for {@code dock:prune}. Nothing without our labels is ever touched.
 */
public final class Cleanup {

    private final Engine engine;
    private final Console console;
    private final Executor executor;

    public Cleanup(Engine engine, Console console, Executor executor) {
        this.engine = engine;
        this.console = console;
        this.executor = executor;
    }

    /** What a removal did. */
    public record Result(List<String> containers, List<String> networks, List<String> volumes, List<String> kept) {}

    /**
     * Stops and removes every container, network and (with {@code volumes}) volume carrying all labels of {@code
     * filter}, except those {@code keep} holds on to (a live build's). Throws one {@link EngineException} listing every
     * failure after trying all.
     */
    public Result remove(Map<String, String> filter, boolean volumes, Predicate<Map<String, String>> keep) {
        List<String> kept = new ArrayList<>();
        List<Started> targets = new ArrayList<>();
        for (ContainerInfo info : engine.listContainers(filter)) {
            if (keep.test(info.labels())) {
                kept.add("container " + info.name());
            } else {
                targets.add(fromLabels(info));
            }
        }
        Stopper stopper = new Stopper(engine, console, executor);
        List<String> failures = new ArrayList<>(stopper.stop(targets, true));
        List<String> networks = new ArrayList<>();
        for (Engine.ResourceInfo network : engine.listNetworks(filter)) {
            if (keep.test(network.labels())) {
                kept.add("network " + network.name());
            } else {
                networks.add(network.name());
            }
        }
        failures.addAll(stopper.removeNetworks(networks));
        List<String> removedVolumes = new ArrayList<>();
        if (volumes) {
            for (Engine.ResourceInfo volume : engine.listVolumes(filter)) {
                if (keep.test(volume.labels())) {
                    kept.add("volume " + volume.name());
                } else {
                    removedVolumes.add(volume.name());
                }
            }
            failures.addAll(stopper.removeVolumes(removedVolumes));
        }
        Stopper.throwIfAny(failures);
        return new Result(targets.stream().map(Started::describe).toList(), networks, removedVolumes, kept);
    }

    /**
     * Removes the images {@code containers} used, unless another container still uses them; returns those removed.
     */
    public List<String> removeImages(Set<String> images) {
        List<String> removed = new ArrayList<>();
        for (String image : images) {
            if (engine.removeImage(image)) {
                removed.add(image);
            } else {
                console.info("Kept image " + image + ": it is absent or still used by another container");
            }
        }
        return removed;
    }

    /** The images used by the containers matching {@code filter}. */
    public Set<String> imagesOf(Map<String, String> filter) {
        return engine.listContainers(filter).stream().map(ContainerInfo::image).collect(Collectors.toSet());
    }

    /**
     * Removes stopped containers, unused networks and unused volumes carrying {@code filter}'s labels, and with {@code
     * images} the dangling images; returns each resource removed.
     */
    public List<Engine.Removed> prune(Map<String, String> filter, boolean images) {
        List<Engine.Removed> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ContainerInfo info : engine.listContainers(filter)) {
            if (info.status().isRunning()) {
                continue;
            }
            try {
                engine.removeContainer(info.id());
                removed.add(new Engine.Removed("container", info.name() + " (" + info.shortId() + ")", 0));
            } catch (RuntimeException e) {
                failures.add("container " + info.name() + ": " + e.getMessage());
            }
        }
        for (Engine.ResourceInfo network : engine.listNetworks(filter)) {
            if (network.inUse()) {
                continue;
            }
            try {
                engine.removeNetwork(network.name());
                removed.add(new Engine.Removed("network", network.name(), 0));
            } catch (EngineException e) {
                console.debug("Kept network " + network.name() + ": " + e.getMessage());
            }
        }
        for (Engine.ResourceInfo volume : engine.listVolumes(filter)) {
            if (volume.inUse()) {
                continue;
            }
            try {
                engine.removeVolume(volume.name());
                removed.add(new Engine.Removed("volume", volume.name(), 0));
            } catch (EngineException e) {
                // A volume still mounted by a container, even a stopped foreign one, stays.
                console.debug("Kept volume " + volume.name() + ": " + e.getMessage());
            }
        }
        if (images) {
            removed.addAll(engine.pruneDanglingImages());
        }
        Stopper.throwIfAny(failures);
        return removed;
    }

    /** A container found by its labels, described well enough to stop it the way {@code run} configured it. */
    public static Started fromLabels(ContainerInfo info) {
        Map<String, String> labels = info.labels();
        String alias = labels.getOrDefault(Labels.ALIAS, info.name());
        ContainerSpec.StopMode mode =
                "kill".equals(labels.get(Labels.STOP_MODE)) ? ContainerSpec.StopMode.KILL : ContainerSpec.StopMode.STOP;
        Duration grace;
        try {
            grace = Duration.ofMillis(Long.parseLong(labels.getOrDefault(Labels.STOP_TIMEOUT, "3000")));
        } catch (NumberFormatException e) {
            grace = Duration.ofSeconds(3);
        }
        String deps = labels.getOrDefault(Labels.DEPENDS_ON, "");
        List<String> dependsOn = deps.isBlank()
                ? List.of()
                : Arrays.stream(deps.split(",")).map(String::trim).toList();
        return new Started(alias, info.image(), info.id(), info.name(), info.ports(), "", mode, grace, dependsOn);
    }

    /** Formats bytes for people: {@code 12.3 MB}. */
    public static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
