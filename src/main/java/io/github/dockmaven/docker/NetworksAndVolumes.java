package io.github.dockmaven.docker;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Network;
import io.github.dockmaven.core.Engine.ResourceInfo;
import io.github.dockmaven.core.EngineException;
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

    void removeNetwork(String idOrName) {
        clients.removal("Could not remove network '" + idOrName + "'", c -> c.removeNetworkCmd(idOrName)
                .exec());
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
