package io.github.dockmaven.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockmaven.core.EngineException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * Finds the Docker engine to talk to, the way the {@code docker} CLI and Docker Desktop, Colima, Rancher Desktop and
 * Podman users expect. The first address the user gave is the engine, in this order:
 *
 * <ol>
 *   <li>the explicit host ({@code dock.host} / {@code <dockerHost>});
 *   <li>{@code DOCKER_HOST}, with {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} for a TLS daemon;
 *   <li>the Docker context named by {@code DOCKER_CONTEXT}, else the {@code currentContext} of {@code
 *       $DOCKER_CONFIG/config.json} ({@code ~/.docker} by default); context {@code default} means none.
 * </ol>
 *
 * A given address that does not answer (or cannot be used: an unknown context, missing certificates) fails with an
 * {@link EngineException} naming it, where it came from and the fix; the lookup never moves on to another engine,
 * because containers started on an engine the user did not ask for are worse than a failed build:
 *
 * <pre>
 * Cannot reach the Docker engine given by DOCKER_HOST (tcp://10.0.0.5:2375): no answer (Connection refused). The
 * build uses only that engine: start it, correct DOCKER_HOST, or unset it to use the Docker context or the usual
 * sockets.
 * </pre>
 *
 * Only when no address was given are the usual sockets tried, in this order, and the first that answers a ping wins:
 * {@code /var/run/docker.sock}, {@code $XDG_RUNTIME_DIR/docker.sock}, {@code ~/.docker/run/docker.sock}, {@code
 * ~/.docker/desktop/docker.sock}, {@code ~/.colima/default/docker.sock}, {@code ~/.rd/docker.sock}, {@code
 * $XDG_RUNTIME_DIR/podman/podman.sock}, {@code /run/podman/podman.sock}.
 *
 * <p>Each attempt is reported to the debug sink. A ping of a usual socket gives up after {@value #PROBE_SECONDS}
 * seconds, so a dead engine costs little; a given address gets {@value #CONFIGURED_SECONDS} seconds, as a busy engine
 * that was asked for is the one to wait for. When no usual socket answers, the {@link EngineException} lists every
 * place looked at with the reason it failed:
 *
 * <pre>
 * Cannot reach a Docker engine. Tried:
 *   - dock.host: not set
 *   - DOCKER_HOST: not set
 *   - Docker context: none active (no DOCKER_CONTEXT, no currentContext in /home/me/.docker/config.json)
 *   - unix:///var/run/docker.sock: no such socket
 *   - $XDG_RUNTIME_DIR/docker.sock: XDG_RUNTIME_DIR not set
 *   ...
 * Start Docker (or Podman's API service), or point dock.host or DOCKER_HOST at a running engine.
 * </pre>
 */
public final class EngineLocator {

    // a socket that accepts the connection is almost always a live engine, busy ones under parallel builds took over 3s
    static final int PROBE_SECONDS = 10;
    // an engine busy with parallel builds on a small machine has taken over 3s to answer its first ping
    static final int CONFIGURED_SECONDS = 15;
    static final String WELL_KNOWN = "well-known socket";
    static final String FIX =
            "Start Docker (or Podman's API service), or point dock.host or DOCKER_HOST at a running engine.";
    static final String FIX_DOCK_HOST =
            "start it, correct dock.host, or remove it to use DOCKER_HOST, the Docker context or the usual sockets.";
    static final String FIX_DOCKER_HOST =
            "start it, correct DOCKER_HOST, or unset it to use the Docker context or the usual sockets.";
    static final String FIX_DOCKER_CONTEXT = "start it, name another context in DOCKER_CONTEXT, or unset it to use"
            + " the current context or the usual sockets.";
    static final String FIX_CURRENT_CONTEXT =
            "start it, or switch contexts (docker context use default means the usual sockets).";

    private static final Duration PING_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Checks that an endpoint answers as a Docker API; throws with the reason when it does not. */
    @FunctionalInterface
    interface Ping {
        void ping(EngineEndpoint endpoint, Duration limit) throws Exception;
    }

    private final Map<String, String> env;
    private final Path home;
    private final Path root;
    private final Consumer<String> debug;
    private final Ping ping;

    /**
     * A locator reading the given environment and home directory.
     *
     * @param env environment variables, e.g. {@link System#getenv()}
     * @param home the user's home directory
     * @param debug receives one line per attempt
     */
    public EngineLocator(Map<String, String> env, Path home, Consumer<String> debug) {
        this(env, home, Path.of("/"), debug, EngineLocator::ping);
    }

    /** With the file system root of the system-wide sockets and the ping replaceable, for tests. */
    EngineLocator(Map<String, String> env, Path home, Path root, Consumer<String> debug, Ping ping) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.root = root;
        this.debug = debug;
        this.ping = ping;
    }

    /**
     * Finds the engine from this process's environment and the user's home directory.
     *
     * @param explicitHost the daemon address the user configured ({@code dock.host}), or null
     * @param registryAuth the credentials for pulls
     * @param debug receives one line per attempt
     * @return a ready engine; close it when done
     * @throws EngineException listing every place tried when no engine answers
     */
    public static DockerJavaEngine locate(String explicitHost, RegistryAuth registryAuth, Consumer<String> debug) {
        return new EngineLocator(System.getenv(), Path.of(System.getProperty("user.home")), debug)
                .find(explicitHost, registryAuth);
    }

    /** Finds the engine and returns a ready client for it, pulling with {@code registryAuth}; see {@link #findEndpoint}. */
    public DockerJavaEngine find(String explicitHost, RegistryAuth registryAuth) {
        return new DockerJavaEngine(findEndpoint(explicitHost), registryAuth);
    }

    /**
     * The endpoint of the address the user gave, else the first usual socket that answers.
     *
     * @param explicitHost the daemon address the user configured ({@code dock.host}), or null
     * @throws EngineException naming the address when a given one does not answer, else listing every place tried
     */
    public EngineEndpoint findEndpoint(String explicitHost) {
        List<String> tried = new ArrayList<>();
        Set<String> pinged = new HashSet<>();
        List<Supplier<Attempt>> givenPlaces = List.of(
                () -> fromVariable("dock.host", explicitHost, FIX_DOCK_HOST),
                () -> fromVariable("DOCKER_HOST", env.get("DOCKER_HOST"), FIX_DOCKER_HOST),
                this::fromContext);
        for (Supplier<Attempt> place : givenPlaces) {
            Attempt attempt = place.get();
            if (attempt.fix != null) {
                return onlyThis(attempt, pinged);
            }
            tried.add(report(attempt, attempt.reason));
        }
        for (Attempt attempt : usualSockets()) {
            String reason = attempt.reason == null ? pingOnce(attempt.endpoint, pinged) : attempt.reason;
            if (reason == null) {
                report(attempt, null);
                return attempt.endpoint;
            }
            tried.add(report(attempt, reason));
        }
        StringBuilder message = new StringBuilder("Cannot reach a Docker engine. Tried:\n");
        for (String line : tried) {
            message.append("  - ").append(line).append('\n');
        }
        throw new EngineException(message.append(FIX).toString());
    }

    /** The endpoint of an address the user gave, or the failure naming it: never another engine. */
    private EngineEndpoint onlyThis(Attempt given, Set<String> pinged) {
        String reason = given.reason == null ? pingOnce(given.endpoint, pinged) : given.reason;
        report(given, reason);
        if (reason != null) {
            throw new EngineException("Cannot reach the Docker engine given by " + given.place + ": " + reason
                    + ". The build uses only that engine: " + given.fix);
        }
        return given.endpoint;
    }

    /** Sends one attempt's outcome (a null reason: it answers) to the debug sink; returns the line for a message. */
    private String report(Attempt attempt, String reason) {
        String line = attempt.place + ": " + (reason == null ? "answers; using it" : reason);
        debug.accept("Docker engine lookup: " + line);
        return line;
    }

    private String pingOnce(EngineEndpoint endpoint, Set<String> pinged) {
        if (!pinged.add(endpoint.host())) {
            return "already tried above";
        }
        URI uri = URI.create(endpoint.host());
        if ("unix".equals(uri.getScheme()) && !Files.exists(Path.of(uri.getPath()))) {
            return "no such socket";
        }
        // the usual sockets are probes; what the user configured is the engine they want, even when it is slow
        Duration limit = Duration.ofSeconds(endpoint.source().equals(WELL_KNOWN) ? PROBE_SECONDS : CONFIGURED_SECONDS);
        try {
            ping.ping(endpoint, limit);
            return null;
        } catch (Exception e) {
            return reason(e);
        }
    }

    private List<Attempt> usualSockets() {
        List<Attempt> attempts = new ArrayList<>();
        String runtimeDir = blankToNull(env.get("XDG_RUNTIME_DIR"));
        attempts.add(socket(root.resolve("var/run/docker.sock")));
        attempts.add(
                runtimeDir == null
                        ? Attempt.skipped("$XDG_RUNTIME_DIR/docker.sock", "XDG_RUNTIME_DIR not set")
                        : socket(Path.of(runtimeDir, "docker.sock")));
        attempts.add(socket(home.resolve(".docker/run/docker.sock")));
        attempts.add(socket(home.resolve(".docker/desktop/docker.sock")));
        attempts.add(socket(home.resolve(".colima/default/docker.sock")));
        attempts.add(socket(home.resolve(".rd/docker.sock")));
        attempts.add(
                runtimeDir == null
                        ? Attempt.skipped("$XDG_RUNTIME_DIR/podman/podman.sock", "XDG_RUNTIME_DIR not set")
                        : socket(Path.of(runtimeDir, "podman", "podman.sock")));
        attempts.add(socket(root.resolve("run/podman/podman.sock")));
        return attempts;
    }

    private Attempt fromVariable(String name, String value, String fix) {
        String host = blankToNull(value);
        if (host == null) {
            return Attempt.skipped(name, "not set");
        }
        String place = name + " (" + host + ")";
        String problem = unsupported(host);
        if (problem != null) {
            return Attempt.unusable(place, problem, fix);
        }
        Path tls = null;
        if (host.startsWith("tcp://") && tlsVerify()) {
            String certPath = blankToNull(env.get("DOCKER_CERT_PATH"));
            tls = certPath == null ? home.resolve(".docker") : Path.of(certPath);
            String missing = missingCertificates(tls);
            if (missing != null) {
                return Attempt.unusable(place, "DOCKER_TLS_VERIFY is set, but " + missing, fix);
            }
        }
        return Attempt.given(place, new EngineEndpoint(withDefaultPort(host, tls != null), tls, name), fix);
    }

    private Attempt fromContext() {
        Path configDir = dockerConfigDir();
        String name = blankToNull(env.get("DOCKER_CONTEXT"));
        Path configFile = configDir.resolve("config.json");
        String origin = "DOCKER_CONTEXT";
        String fix = FIX_DOCKER_CONTEXT;
        if (name == null) {
            origin = "the currentContext of " + configFile;
            fix = FIX_CURRENT_CONTEXT;
            if (Files.isRegularFile(configFile)) {
                try {
                    JsonNode current = JSON.readTree(configFile.toFile()).get("currentContext");
                    name = current == null || !current.isTextual() ? null : blankToNull(current.asText());
                } catch (IOException e) {
                    return Attempt.skipped("Docker context", "cannot read " + configFile + ": " + reason(e));
                }
            }
            if (name == null) {
                return Attempt.skipped(
                        "Docker context", "none active (no DOCKER_CONTEXT, no currentContext in " + configFile + ")");
            }
        }
        if (name.equals("default")) {
            return Attempt.skipped("Docker context 'default'", "means the usual sockets, tried below");
        }
        String hash = sha256(name);
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(hash).resolve("meta.json");
        String context = "context '" + name + "'";
        if (!Files.isRegularFile(meta)) {
            return Attempt.unusable(origin + " (" + context + ")", "no such context (no " + meta + ")", fix);
        }
        String host;
        try {
            JsonNode hostNode = JSON.readTree(meta.toFile())
                    .path("Endpoints")
                    .path("docker")
                    .path("Host");
            host = hostNode.isTextual() ? blankToNull(hostNode.asText()) : null;
        } catch (IOException e) {
            return Attempt.unusable(origin + " (" + context + ")", "cannot read " + meta + ": " + reason(e), fix);
        }
        if (host == null) {
            return Attempt.unusable(origin + " (" + context + ")", "no Docker endpoint in " + meta, fix);
        }
        String place = origin + " (" + context + ", " + host + ")";
        String problem = unsupported(host);
        if (problem != null) {
            return Attempt.unusable(place, problem, fix);
        }
        Path tlsDir = configDir.resolve("contexts").resolve("tls").resolve(hash).resolve("docker");
        Path tls = host.startsWith("tcp://") && Files.isDirectory(tlsDir) ? tlsDir : null;
        if (tls != null) {
            String missing = missingCertificates(tls);
            if (missing != null) {
                return Attempt.unusable(place, missing, fix);
            }
        }
        return Attempt.given(place, new EngineEndpoint(withDefaultPort(host, tls != null), tls, context), fix);
    }

    private Attempt socket(Path path) {
        String host = unixHost(path);
        return Attempt.of(host, new EngineEndpoint(host, null, WELL_KNOWN));
    }

    private Path dockerConfigDir() {
        String configured = blankToNull(env.get("DOCKER_CONFIG"));
        return configured == null ? home.resolve(".docker") : Path.of(configured);
    }

    private boolean tlsVerify() {
        String value = blankToNull(env.get("DOCKER_TLS_VERIFY"));
        // the docker CLI treats any non-empty value as "on"; "0" and "false" are what people write to mean off
        return value != null && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    private static String missingCertificates(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                missing.add(file);
            }
        }
        return missing.isEmpty() ? null : dir + " lacks " + String.join(", ", missing);
    }

    private static String unsupported(String host) {
        URI uri;
        try {
            uri = new URI(host);
        } catch (URISyntaxException e) {
            return "not a valid address: " + e.getMessage();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "unix", "tcp", "npipe" -> null;
            case "ssh" ->
                "ssh:// is not supported; forward the socket (ssh -L /tmp/docker.sock:/var/run/docker.sock"
                        + " host) and use unix:///tmp/docker.sock";
            default -> "unsupported address (use unix://, tcp:// or npipe://)";
        };
    }

    /** {@code tcp://host} means the engine's standard port, as for the docker CLI: 2376 with TLS, else 2375. */
    private static String withDefaultPort(String host, boolean tls) {
        URI uri = URI.create(host);
        if ("tcp".equals(uri.getScheme()) && uri.getPort() == -1 && uri.getHost() != null) {
            return "tcp://" + uri.getHost() + ":" + (tls ? 2376 : 2375);
        }
        return host;
    }

    static String unixHost(Path path) {
        try {
            // the URI constructor quotes what needs it (a space in a home directory); getPath() undoes it
            return new URI("unix", "", path.toAbsolutePath().toString(), null, null).toString();
        } catch (URISyntaxException e) {
            return "unix://" + path.toAbsolutePath();
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Why a ping (or a read) failed, short enough for one line. */
    static String reason(Throwable failure) {
        if (failure instanceof PingFailure) {
            return failure.getMessage();
        }
        Throwable root = failure;
        boolean tls = false;
        while (true) {
            // the engine answered, but one side refused the other's certificate: not a dead engine
            tls |= root instanceof SSLException;
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        String text = root.getMessage() == null || root.getMessage().isBlank()
                ? root.getClass().getSimpleName()
                : root.getMessage().trim();
        return (tls ? "TLS handshake failed (" : "no answer (") + text + ")";
    }

    /**
     * The real ping: {@code GET /_ping} with short timeouts. It runs on its own thread, because docker-java's Unix
     * socket ignores read timeouts and a socket whose engine is gone (a stopped Docker Desktop VM) may never answer.
     */
    static void ping(EngineEndpoint endpoint, Duration limit) throws Exception {
        FutureTask<Integer> call = new FutureTask<>(() -> {
            try (DockerHttpClient http = DockerJavaEngine.httpClient(endpoint, PING_CONNECT_TIMEOUT, limit);
                    DockerHttpClient.Response response = http.execute(DockerHttpClient.Request.builder()
                            .method(DockerHttpClient.Request.Method.GET)
                            .path("/_ping")
                            .build())) {
                return response.getStatusCode();
            }
        });
        Thread thread = new Thread(call, "dock-engine-ping");
        thread.setDaemon(true);
        thread.start();
        int status;
        try {
            status = call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new PingFailure("did not answer within " + limit.toSeconds() + "s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (status != 200) {
            throw new PingFailure("answered HTTP " + status + " to /_ping: not a Docker API");
        }
    }

    /** A ping failure whose message is the whole reason. */
    static final class PingFailure extends Exception {
        private static final long serialVersionUID = 1L;

        PingFailure(String reason) {
            super(reason);
        }
    }

    /**
     * One place to look: an endpoint to ping, or the reason there is nothing to ping. An address the user gave carries
     * the fix to show when it fails; a place without one (a usual socket, a variable not set) is part of discovery.
     */
    private static final class Attempt {
        final String place;
        final EngineEndpoint endpoint;
        final String reason;
        final String fix;

        private Attempt(String place, EngineEndpoint endpoint, String reason, String fix) {
            this.place = Objects.requireNonNull(place);
            this.endpoint = endpoint;
            this.reason = reason;
            this.fix = fix;
        }

        static Attempt of(String place, EngineEndpoint endpoint) {
            return new Attempt(place, endpoint, null, null);
        }

        static Attempt given(String place, EngineEndpoint endpoint, String fix) {
            return new Attempt(place, endpoint, null, Objects.requireNonNull(fix));
        }

        /** An address the user gave that cannot be pinged: a failure, not a reason to look elsewhere. */
        static Attempt unusable(String place, String reason, String fix) {
            return new Attempt(place, null, reason, Objects.requireNonNull(fix));
        }

        static Attempt skipped(String place, String reason) {
            return new Attempt(place, null, reason, null);
        }
    }
}
