package io.github.dockmaven.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What carries all labels of a filter, listed afresh on every call, less what a rule spares: a live build's
 * resources, those kept on purpose, or those still in use.
 */
public final class LabelledSelection implements Selection {

    /**
     * A container, network or volume as listed.
     *
     * @param kind {@code container}, {@code network} or {@code volume}
     * @param id its id
     * @param name its name
     * @param labels its labels
     * @param inUse for a container: it runs; for a network or volume: a container uses it
     */
    public record Found(String kind, String id, String name, Labels labels, boolean inUse) {

        /** Whether {@code names} holds its id or its name. */
        public boolean isNamedIn(Collection<String> names) {
            return names.contains(id) || names.contains(name);
        }
    }

    private final Map<String, String> filter;
    private final Predicate<Found> spare;

    LabelledSelection(Map<String, String> filter, Predicate<Found> spare) {
        this.filter = Map.copyOf(filter);
        this.spare = spare;
    }

    /** This selection, less what {@code rule} holds on to as well. */
    public LabelledSelection sparing(Predicate<Found> rule) {
        return new LabelledSelection(filter, spare.or(rule));
    }

    @Override
    public List<Started> containers(Engine engine, Consumer<String> spared) {
        List<Started> chosen = new ArrayList<>();
        for (ContainerInfo info : engine.listContainers(filter)) {
            Found found = new Found(
                    "container",
                    info.id(),
                    info.name(),
                    new Labels(info.labels()),
                    info.status().isRunning());
            if (spare.test(found)) {
                spared.accept("container " + info.name());
            } else {
                chosen.add(asStarted(info));
            }
        }
        return chosen;
    }

    @Override
    public List<String> networks(Engine engine, Consumer<String> spared) {
        return names("network", engine.listNetworks(filter), spared);
    }

    @Override
    public List<String> volumes(Engine engine, Consumer<String> spared) {
        return names("volume", engine.listVolumes(filter), spared);
    }

    private List<String> names(String kind, List<Engine.ResourceInfo> listed, Consumer<String> spared) {
        List<String> chosen = new ArrayList<>();
        for (Engine.ResourceInfo resource : listed) {
            Found found =
                    new Found(kind, resource.id(), resource.name(), new Labels(resource.labels()), resource.inUse());
            if (spare.test(found)) {
                spared.accept(kind + " " + resource.name());
            } else {
                chosen.add(resource.name());
            }
        }
        return chosen;
    }

    /** A container found by its labels, described well enough to stop it the way {@code run} configured it. */
    static Started asStarted(ContainerInfo info) {
        Labels labels = new Labels(info.labels());
        return new Started(
                labels.alias(info.name()),
                info.image(),
                info.id(),
                info.name(),
                info.ports(),
                "",
                labels.stopMode(),
                labels.stopTimeout(),
                labels.dependsOn(),
                StopHooks.NONE);
    }
}
