package io.github.dockmaven.docker;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Network;
import io.github.dockmaven.core.Engine.ResourceInfo;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Networks and named volumes: create, remove, list with whether they are in use. */
final class NetworksAndVolumes {

    private final EngineClients clients;

    NetworksAndVolumes(EngineClients clients) {
        this.clients = clients;
    }

    String createNetwork(String name, Map<String, String> labels) {
        return clients.request("Could not create network '" + name + "'", c -> c.createNetworkCmd()
                .withName(name)
                .withDriver("bridge")
                .withLabels(Answers.copy(labels))
                .exec()
                .getId());
    }

    /**
     * Removes a network. When the engine refuses because of endpoints, says which containers hold them, or, when none
     * does, that the engine's count of them is wrong ({@link EngineException.StuckNetwork}).
     */
    void removeNetwork(String idOrName) {
        String attempt = "Could not remove network '" + idOrName + "'";
        try {
            clients.removal(attempt, c -> c.removeNetworkCmd(idOrName).exec());
        } catch (EngineException refused) {
            if (!Failures.isActiveEndpoints(refused)) {
                throw refused;
            }
            throw whyStillUsed(idOrName, attempt, refused);
        }
    }

    private EngineException whyStillUsed(String idOrName, String attempt, EngineException refused) {
        Network inspected;
        try {
            inspected = clients.request(
                    "Could not inspect network '" + idOrName + "'",
                    c -> c.inspectNetworkCmd().withNetworkId(idOrName).exec());
        } catch (EngineException unknown) {
            return refused;
        }
        Map<String, Network.ContainerNetworkConfig> attached =
                inspected.getContainers() == null ? Map.of() : inspected.getContainers();
        if (attached.isEmpty()) {
            return new EngineException.StuckNetwork(
                    attempt + ": the engine says it has active endpoints, but no container is attached to it. Docker's"
                            + " network store counts an endpoint that is gone (moby/moby#42119) and refuses until"
                            + " the engine restarts. Restart the engine, then remove it: mvn dock:remove, or docker"
                            + " network rm " + idOrName,
                    refused);
        }
        List<String> holders = attached.entrySet().stream()
                .map(entry -> (entry.getValue().getName() == null
                                ? ""
                                : "'" + entry.getValue().getName() + "' ") + "(" + Ids.shortId(entry.getKey()) + ")")
                .sorted()
                .toList();
        return new EngineException(
                attempt + ": still used by container" + (holders.size() == 1 ? " " : "s ") + String.join(", ", holders)
                        + ". Disconnect or remove " + (holders.size() == 1 ? "it" : "them")
                        + " (docker network disconnect "
                        + idOrName + " <container>); then mvn dock:remove removes the network",
                refused);
    }

    /** {@code inUse} means containers are attached; the list does not say so, so each network is inspected. */
    List<ResourceInfo> listNetworks(Map<String, String> labels) {
        List<Network> networks = clients.request("Could not list networks", c -> {
            var cmd = c.listNetworksCmd();
            if (!labels.isEmpty()) {
                cmd.withFilter("label", Answers.labelFilter(labels));
            }
            return cmd.exec();
        });
        List<ResourceInfo> result = new ArrayList<>();
        for (Network network : networks) {
            if (!Answers.carriesAll(network.getLabels(), labels)) {
                continue;
            }
            Network inspected;
            try {
                inspected = clients.request(
                        "Could not inspect network '" + network.getName() + "'", c -> c.inspectNetworkCmd()
                                .withNetworkId(network.getId())
                                .exec());
            } catch (EngineException.NotFound vanished) {
                continue;
            }
            boolean inUse = inspected.getContainers() != null
                    && !inspected.getContainers().isEmpty();
            result.add(new ResourceInfo(network.getId(), network.getName(), Answers.copy(network.getLabels()), inUse));
        }
        return result;
    }

    /** Creates the volume unless it exists; true when it was created. */
    boolean createVolume(String name, Map<String, String> labels) {
        try {
            clients.request("Could not inspect volume '" + name + "'", c -> c.inspectVolumeCmd(name)
                    .exec());
            return false;
        } catch (EngineException.NotFound absent) {
            clients.request("Could not create volume '" + name + "'", c -> c.createVolumeCmd()
                    .withName(name)
                    .withLabels(Answers.copy(labels))
                    .exec());
            return true;
        }
    }

    void removeVolume(String name) {
        clients.removal("Could not remove volume '" + name + "'", c -> c.removeVolumeCmd(name)
                .exec());
    }

    /** {@code inUse} means a container (running or not) mounts the volume: one request per volume. */
    List<ResourceInfo> listVolumes(Map<String, String> labels) {
        List<InspectVolumeResponse> volumes = clients.request("Could not list volumes", c -> {
            var cmd = c.listVolumesCmd();
            if (!labels.isEmpty()) {
                cmd.withFilter("label", Answers.labelFilter(labels));
            }
            List<InspectVolumeResponse> found = cmd.exec().getVolumes();
            return found == null ? List.<InspectVolumeResponse>of() : found;
        });
        List<ResourceInfo> result = new ArrayList<>();
        for (InspectVolumeResponse volume : volumes) {
            if (!Answers.carriesAll(volume.getLabels(), labels)) {
                continue;
            }
            boolean inUse = !clients.request(
                            "Could not list the containers using volume '" + volume.getName() + "'",
                            c -> c.listContainersCmd()
                                    .withShowAll(true)
                                    .withVolumeFilter(List.of(volume.getName()))
                                    .exec())
                    .isEmpty();
            result.add(new ResourceInfo(volume.getName(), volume.getName(), Answers.copy(volume.getLabels()), inUse));
        }
        return result;
    }
}
