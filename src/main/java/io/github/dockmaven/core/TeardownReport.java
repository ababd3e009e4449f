package io.github.dockmaven.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Teardown} removed, what it left alone on purpose, and what it could not remove; it prints itself in
 * the forms the goals show.
 *
 * @param containers the containers removed, in the order they were stopped
 * @param networks the names of the networks removed
 * @param volumes the names of the volumes removed
 * @param images the images removed besides ({@code dock:prune}'s dangling ones), with the space they freed
 * @param spared what the selection found but left alone, {@code <kind> <name>} each
 * @param stuck the names of the networks the engine refuses to remove until it restarts ({@link
 *     EngineException.StuckNetwork}): warned about, not failures, since nothing the build does removes them
 * @param failures what could not be removed, or the engine's last error, one line each; empty when nothing of the
 *     selection is left
 */
public record TeardownReport(
        List<Started> containers,
        List<String> networks,
        List<String> volumes,
        List<Engine.Removed> images,
        List<String> spared,
        List<String> stuck,
        List<String> failures) {

    public TeardownReport {
        containers = List.copyOf(containers);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        images = List.copyOf(images);
        spared = List.copyOf(spared);
        stuck = List.copyOf(stuck);
        failures = List.copyOf(failures);
    }

    /** Whether everything selected is gone. */
    public boolean isComplete() {
        return failures.isEmpty();
    }

    /** How many containers, networks and volumes were removed. */
    public int total() {
        return containers.size() + networks.size() + volumes.size();
    }

    /** A report of nothing removed and nothing failed, to add others to. */
    public static TeardownReport empty() {
        return new TeardownReport(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** This report with {@code removed} images added. */
    public TeardownReport withImages(List<Engine.Removed> removed) {
        return plus(new TeardownReport(List.of(), List.of(), List.of(), removed, List.of(), List.of(), List.of()));
    }

    /** What this report and {@code other} say together. */
    public TeardownReport plus(TeardownReport other) {
        return new TeardownReport(
                concat(containers, other.containers),
                concat(networks, other.networks),
                concat(volumes, other.volumes),
                concat(images, other.images),
                concat(spared, other.spared),
                concat(stuck, other.stuck),
                concat(failures, other.failures));
    }

    /** {@code 2 containers, 1 network and 1 volume}. */
    public String counts() {
        return count(containers.size(), "container") + ", " + count(networks.size(), "network") + " and "
                + count(volumes.size(), "volume");
    }

    /** {@code 2 containers ('db' (postgres:16, 3f2a1c9b04de), 'app' (...)), 1 network and 1 volume}. */
    public String summary() {
        StringBuilder sb = new StringBuilder(count(containers.size(), "container"));
        if (!containers.isEmpty()) {
            sb.append(" (")
                    .append(String.join(
                            ", ", containers.stream().map(Started::describe).toList()))
                    .append(')');
        }
        return sb.append(", ")
                .append(count(networks.size(), "network"))
                .append(" and ")
                .append(count(volumes.size(), "volume"))
                .toString();
    }

    /** The failures, one {@code   - <failure>} line each. */
    public String failureList() {
        return "  - " + String.join("\n  - ", failures);
    }

    /** {@code Could not remove 2 resources:} followed by the {@link #failureList()}. */
    public String failureMessage() {
        return "Could not remove " + count(failures.size(), "resource") + ":\n" + failureList();
    }

    /** Throws one exception listing every failure, if there were any. */
    public void throwIfIncomplete() {
        if (!failures.isEmpty()) {
            throw new EngineException(failureMessage());
        }
    }

    /**
     * What {@code dock:prune} prints: {@code Removed container shop-job-1a2b3c4d (3f2a1c9b04de)} for each resource
     * removed, with the space an image freed, then {@code Pruned 4 resources; reclaimed 12.3 MB}.
     */
    public List<String> pruned() {
        List<String> lines = new ArrayList<>();
        containers.forEach(c -> lines.add("Removed container " + c.name() + " (" + Ids.shortId(c.id()) + ")"));
        networks.forEach(n -> lines.add("Removed network " + n));
        volumes.forEach(v -> lines.add("Removed volume " + v));
        long bytes = 0;
        for (Engine.Removed image : images) {
            lines.add("Removed " + image.kind() + " " + image.name()
                    + (image.bytes() > 0 ? " (" + ByteSizes.format(image.bytes()) + ")" : ""));
            bytes += image.bytes();
        }
        int resources = total() + images.size();
        lines.add("Pruned " + count(resources, "resource") + "; reclaimed " + ByteSizes.format(bytes));
        return lines;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
