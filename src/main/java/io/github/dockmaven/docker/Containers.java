package io.github.dockmaven.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Ids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A container's life: create, start, inspect, stop, remove, and the list. See {@link io.github.dockmaven.core.Engine}. */
final class Containers {

    private final EngineClients clients;
    private final EngineQuirks quirks;

    Containers(EngineClients clients, EngineQuirks quirks) {
        this.clients = clients;
        this.quirks = quirks;
    }

    /** Creates the container, then connects it to its networks after the first; removes it again if that fails. */
    String create(ContainerCreate create) {
        String attempt = create.name() == null
                ? "Could not create a container from image '" + create.image() + "'"
                : "Could not create container '" + create.name() + "' from image '" + create.image() + "'";
        String id = clients.request(attempt, c -> CreateRequest.fill(c.createContainerCmd(create.image()), create)
                .exec()
                .getId());
        if (create.networkMode() == null
                && create.networks() != null
                && create.networks().size() > 1) {
            Iterator<Map.Entry<String, List<String>>> rest =
                    create.networks().entrySet().iterator();
            rest.next();
            try {
                while (rest.hasNext()) {
                    Map.Entry<String, List<String>> network = rest.next();
                    List<String> aliases = network.getValue() == null ? List.of() : network.getValue();
                    clients.request(
                            "Could not connect container " + Ids.shortId(id) + " to network '" + network.getKey() + "'",
                            c -> c.connectToNetworkCmd()
                                    .withNetworkId(network.getKey())
                                    .withContainerId(id)
                                    .withContainerNetwork(new ContainerNetwork().withAliases(aliases))
                                    .exec());
                }
            } catch (EngineException e) {
                try {
                    remove(id);
                } catch (EngineException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
        return id;
    }

    void start(String id) {
        clients.request("Could not start container " + Ids.shortId(id), c -> {
            try {
                c.startContainerCmd(id).exec();
            } catch (NotModifiedException alreadyRunning) {
                // started already: what we wanted
            }
            return null;
        });
    }

    Optional<ContainerInfo> inspect(String id) {
        try {
            return Optional.of(quirks.asWritten(
                    Answers.fromInspection(quirks.inspect("Could not inspect container " + Ids.shortId(id), id))));
        } catch (EngineException.NotFound gone) {
            return Optional.empty();
        }
    }

    /** Stops within {@code grace}, rounded up to whole seconds; zero kills. Stopped or gone already is success. */
    void stop(String id, Duration grace) {
        String attempt = "Could not stop container " + Ids.shortId(id);
        long seconds = grace.isNegative() ? 0 : EngineClients.seconds(grace);
        if (seconds == 0) {
            clients.request(attempt, c -> {
                toStopped(() -> c.killContainerCmd(id).exec());
                return null;
            });
            return;
        }
        int timeout = (int) Math.min(seconds, Integer.MAX_VALUE / 2);
        // the engine answers only once the grace has passed: a long grace needs the client without response timeout
        boolean longGrace = Duration.ofSeconds(timeout).plusSeconds(5).compareTo(clients.responseTimeout()) >= 0;
        Duration limit = Duration.ofSeconds(timeout).plus(clients.requestLimit());
        clients.timed(attempt, limit, () -> {
            toStopped(() -> clients.client(attempt, longGrace)
                    .stopContainerCmd(id)
                    .withTimeout(timeout)
                    .exec());
            return null;
        });
    }

    /** Removes the container by force, with its anonymous volumes; gone already is success. */
    void remove(String id) {
        clients.removal("Could not remove container " + Ids.shortId(id), c -> {
            try {
                c.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (ConflictException conflict) {
                // a removal already under way, by us or the engine (auto-remove), ends the same way
                if (!Failures.engineMessage(conflict).contains("already in progress")) {
                    throw conflict;
                }
            }
            return null;
        });
    }

    List<ContainerInfo> list(Map<String, String> labels) {
        List<Container> containers = clients.request("Could not list containers", c -> {
            var cmd = c.listContainersCmd().withShowAll(true);
            if (!labels.isEmpty()) {
                cmd.withLabelFilter(Answers.labelFilter(labels));
            }
            return cmd.exec();
        });
        List<ContainerInfo> result = new ArrayList<>();
        for (Container container : containers) {
            if (Answers.carriesAll(container.getLabels(), labels)) {
                result.add(quirks.asWritten(Answers.fromListing(container)));
            }
        }
        return result;
    }

    /**
     * Runs a stop or kill command for which a container that is already stopped or gone is success. Docker says "is
     * not running" (409), Podman "container state improper" (500).
     */
    private static void toStopped(Runnable command) {
        try {
            command.run();
        } catch (NotModifiedException | NotFoundException stoppedOrGone) {
            // already stopped, or gone: both are stopped
        } catch (ConflictException | InternalServerErrorException notRunning) {
            if (!Failures.isNotRunning(notRunning)) {
                throw notRunning;
            }
        }
    }
}
