package io.github.dockmaven.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Ids;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Which engine answers, and the ways Podman's Docker-compatible API differs that are handled by doing something
 * different: it names images that come from no registry {@code localhost/<name>}; it runs health checks only with
 * systemd timers; it refuses a bare 64-digit image id. (Its other differences are read where they show: its words for
 * a container that is not running and for a name in use in {@link Failures}, its volume label filters in {@link
 * Answers#carriesAll}, its silence before a followed container's first line in {@link LogFollower}, and its failed
 * inspection of a container that exits at that moment in {@link #inspectAcrossExit}.)
 */
final class EngineQuirks {

    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");

    /**
     * Podman's answer (500) when a container's process ends while it is being inspected: it reads the cgroup of the
     * process its state still names (podman#12457). Asked again a moment later, it reports the container exited.
     */
    private static final Pattern EXIT_DURING_INSPECTION =
            Pattern.compile("/proc/\\d+/cgroup: no such (process|file or directory)");

    private static final int INSPECTIONS_DURING_EXIT = 3;
    private static final long PAUSE_DURING_EXIT_MS = 20;

    private final EngineClients clients;
    private final AtomicReference<CompletableFuture<Identity>> asking = new AtomicReference<>();
    private volatile Identity known;

    EngineQuirks(EngineClients clients) {
        this.clients = clients;
    }

    /** The engine's version, {@code Podman <version>} for Podman, {@code unknown} when it does not tell; never fails. */
    String version() {
        return identity().version();
    }

    /** Whether the engine is Podman's Docker-compatible API. */
    boolean isPodman() {
        return identity().podman();
    }

    /**
     * Which engine answers, asked once: callers that come while the question is out (twenty containers starting at
     * once) wait for its answer instead of asking too. An engine that did not answer is asked again by the next caller,
     * not by each of those that waited for the failed answer.
     */
    private Identity identity() {
        Identity answer = known;
        if (answer != null) {
            return answer;
        }
        CompletableFuture<Identity> mine = new CompletableFuture<>();
        CompletableFuture<Identity> theirs = asking.compareAndExchange(null, mine);
        if (theirs != null) {
            return theirs.join();
        }
        try {
            answer = ask();
            if (answer != Identity.UNKNOWN) {
                known = answer;
            }
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error unexpected) {
            mine.completeExceptionally(unexpected);
            throw unexpected;
        } finally {
            asking.set(null);
        }
    }

    private Identity ask() {
        Version answer;
        try {
            answer = clients.request(
                    "Could not read the engine's version", c -> c.versionCmd().exec());
        } catch (EngineException unknown) {
            return Identity.UNKNOWN;
        }
        boolean podman = answer.getComponents() != null
                && answer.getComponents().stream()
                        .anyMatch(component -> component.getName() != null
                                && component.getName().startsWith("Podman"));
        String version = answer.getVersion() == null ? "unknown" : answer.getVersion();
        return new Identity((podman ? "Podman " : "") + version, podman);
    }

    private record Identity(String version, boolean podman) {
        static final Identity UNKNOWN = new Identity("unknown", false);
    }

    /** How to name {@code image} to the engine: Podman takes a bare 64-digit id for a repository name; both take sha256:<id>. */
    static String imageReference(String image) {
        return FULL_ID.matcher(image).matches() ? "sha256:" + image : image;
    }

    /**
     * Inspects a container; on Podman, first runs its health check when one is due. Podman schedules health checks
     * with systemd timers; where there is no systemd (containers, CI machines) they never run, and a container with a
     * health check would stay {@code starting} forever.
     */
    InspectContainerResponse inspect(String attempt, String id) {
        InspectContainerResponse response = inspectAcrossExit(clients, attempt, id);
        if (isPodman() && PodmanHealth.checkDue(response, Instant.now())) {
            runHealthCheck(id);
            response = inspectAcrossExit(clients, attempt, id);
        }
        return response;
    }

    /**
     * Inspects a container, asking again (a few times, a moment apart) when Podman failed the inspection because the
     * container's process ended meanwhile: a container that exits is an answer, not a failure of the engine.
     */
    static InspectContainerResponse inspectAcrossExit(EngineClients clients, String attempt, String id) {
        for (int inspection = 1; ; inspection++) {
            try {
                return clients.request(attempt, c -> c.inspectContainerCmd(id).exec());
            } catch (EngineException e) {
                if (inspection == INSPECTIONS_DURING_EXIT || !isExitDuringInspection(e)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(PAUSE_DURING_EXIT_MS * inspection);
            } catch (InterruptedException e) {
                throw EngineClients.interrupted(attempt, e);
            }
        }
    }

    private static boolean isExitDuringInspection(EngineException e) {
        return e.getMessage() != null
                && EXIT_DURING_INSPECTION.matcher(e.getMessage()).find();
    }

    /**
     * Podman names an image that came from no registry (loaded, built) {@code localhost/<name>} where Docker says
     * {@code <name>}, and resolves {@code <name>} to it: shown as the user wrote it, it matches their POM.
     */
    ContainerInfo asWritten(ContainerInfo info) {
        if (info.image() == null || !info.image().startsWith("localhost/") || !isPodman()) {
            return info;
        }
        return new ContainerInfo(
                info.id(),
                info.name(),
                info.image().substring("localhost/".length()),
                info.labels(),
                info.status(),
                info.exitCode(),
                info.health(),
                info.ports(),
                info.ipAddresses(),
                info.error());
    }

    /** Runs a container's health check once, through Podman's own API (docker-java has no command for it). */
    private void runHealthCheck(String id) {
        String attempt = "Could not run the health check of container " + Ids.shortId(id);
        clients.timed(attempt, clients.requestLimit(), () -> {
            try (DockerHttpClient.Response response = clients.raw(attempt)
                    .execute(DockerHttpClient.Request.builder()
                            .method(DockerHttpClient.Request.Method.GET)
                            .path("/v4.0.0/libpod/containers/" + id + "/healthcheck")
                            .build())) {
                int status = response.getStatusCode();
                // 409: the container is not running (any more); the inspection that follows tells
                if (status != 200 && status != 409) {
                    throw new EngineException(attempt + ": HTTP " + status);
                }
            }
            return null;
        });
    }
}
