package io.github.dockmaven.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds the credentials for a registry where users keep them. For the registry of an image, the first of these that
 * has credentials wins:
 *
 * <ol>
 *   <li>a {@code <server>} of Maven's {@code settings.xml} whose id is the registry host (e.g. {@code ghcr.io} or
 *       {@code 127.0.0.1:5000}; {@code docker.io} for Docker Hub), supplied by the Maven layer as {@link Servers};
 *   <li>{@code auths} of {@code $DOCKER_CONFIG/config.json} ({@code ~/.docker/config.json} by default): {@code auth}
 *       (base64 of {@code user:password}) and {@code identitytoken};
 *   <li>the credential helper that {@code credHelpers} names for the registry, else the {@code credsStore}: {@code
 *       docker-credential-<name> get}, found on the {@code PATH};
 *   <li>{@code auths} of the JSON in the {@code DOCKER_AUTH_CONFIG} environment variable (as GitLab CI sets it).
 * </ol>
 *
 * Each step is reported to the debug sink, without any secret or user name. What is found is kept per registry for
 * the life of this object, which the Maven layer keeps for a session.
 */
public final class RegistryCredentials implements RegistryAuth {

    static final Duration HELPER_TIMEOUT = Duration.ofSeconds(30);

    /** Made on the first lookup, not with the first build that pulls nothing: it costs ~0.1s of class loading. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Credentials kept outside Docker's configuration: the {@code <server>}s of Maven's {@code settings.xml}. */
    @FunctionalInterface
    public interface Servers {

        /** None at all. */
        Servers NONE = registry -> Optional.empty();

        /** The credentials of the server whose id names {@code registry}, or empty. */
        Optional<Credentials> forRegistry(String registry);
    }

    private final Servers servers;
    private final Map<String, String> env;
    private final Path home;
    private final Consumer<String> debug;
    private final Map<String, Optional<Credentials>> found = new ConcurrentHashMap<>();

    /**
     * A lookup reading the given environment and home directory.
     *
     * @param servers the credentials of Maven's settings, looked at first
     * @param env environment variables, e.g. {@link System#getenv()}
     * @param home the user's home directory
     * @param debug receives one line per step of each lookup
     */
    public RegistryCredentials(Servers servers, Map<String, String> env, Path home, Consumer<String> debug) {
        this.servers = servers;
        this.env = Map.copyOf(env);
        this.home = home;
        this.debug = debug;
    }

    /** A lookup on this process's environment and the user's home directory. */
    public static RegistryCredentials fromEnvironment(Servers servers, Consumer<String> debug) {
        return new RegistryCredentials(servers, System.getenv(), Path.of(System.getProperty("user.home")), debug);
    }

    /**
     * Whether a server id of Maven's settings (or a key of {@code config.json}) names {@code registry}: the same host
     * and port, whatever the scheme; any of Docker Hub's names for {@code docker.io}.
     */
    public static boolean namesRegistry(String serverId, String registry) {
        return Registries.matches(serverId, registry);
    }

    /** The address under which the engine expects the credentials of {@code registry}. */
    public static String serverAddress(String registry) {
        return Registries.serverAddress(registry);
    }

    @Override
    public Optional<Credentials> forImage(String image) {
        return forRegistry(Registries.of(image));
    }

    /** The credentials for a registry host, e.g. {@code ghcr.io}, {@code 127.0.0.1:5000} or {@code docker.io}. */
    public Optional<Credentials> forRegistry(String registry) {
        // concurrent pulls from one registry wait for one lookup: a credential helper may ask the user
        return found.computeIfAbsent(registry, this::lookup);
    }

    private Optional<Credentials> lookup(String registry) {
        String prefix = "Registry credentials for " + registry + ": ";
        Optional<Credentials> credentials = servers.forRegistry(registry);
        if (credentials.isPresent()) {
            debug.accept(prefix + "using " + credentials.get().source());
            return credentials;
        }
        debug.accept(prefix + "Maven settings: no <server> with id " + registry);
        Path configFile = configFile();
        JsonNode config = readConfig(configFile, prefix);
        if (config != null) {
            credentials = fromAuths(config.path("auths"), registry, configFile + " (auths)", prefix);
            if (credentials.isPresent()) {
                return credentials;
            }
            credentials = fromHelper(config, registry, configFile, prefix);
            if (credentials.isPresent()) {
                return credentials;
            }
        }
        credentials = fromAuthConfigVariable(registry, prefix);
        if (credentials.isPresent()) {
            return credentials;
        }
        debug.accept(prefix + "none found; pulling anonymously");
        return Optional.empty();
    }

    private Path configFile() {
        String configured = env.get("DOCKER_CONFIG");
        Path dir = configured == null || configured.isBlank() ? home.resolve(".docker") : Path.of(configured.trim());
        return dir.resolve("config.json");
    }

    private JsonNode readConfig(Path file, String prefix) {
        if (!Files.isRegularFile(file)) {
            debug.accept(prefix + file + ": no such file");
            return null;
        }
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            debug.accept(prefix + file + ": " + jsonProblem(e) + "; ignored");
        } catch (IOException e) {
            debug.accept(prefix + file + ": cannot be read (" + e.getMessage() + "); ignored");
        }
        return null;
    }

    private Optional<Credentials> fromAuths(JsonNode auths, String registry, String source, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!Registries.matches(entry.getKey(), registry)) {
                continue;
            }
            JsonNode auth = entry.getValue();
            String token = text(auth, "identitytoken");
            String encoded = text(auth, "auth");
            String username = text(auth, "username");
            String password = text(auth, "password");
            if (encoded != null) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    debug.accept(prefix + source + ": the auth of '" + entry.getKey() + "' is not valid base64;"
                            + " ignored");
                    continue;
                }
                int colon = decoded.indexOf(':');
                username = colon < 0 ? decoded : decoded.substring(0, colon);
                password = colon < 0 ? null : decoded.substring(colon + 1);
            }
            if (token != null) {
                debug.accept(prefix + "using the identity token of '" + entry.getKey() + "' in " + source);
                return Optional.of(new Credentials(
                        Registries.serverAddress(registry),
                        blankToNull(username),
                        null,
                        token,
                        source + ", identity token of '" + entry.getKey() + "'"));
            }
            if (blankToNull(username) != null && blankToNull(password) != null) {
                debug.accept(prefix + "using the auth of '" + entry.getKey() + "' in " + source);
                return Optional.of(new Credentials(
                        Registries.serverAddress(registry),
                        username,
                        password,
                        null,
                        source + ", entry '" + entry.getKey() + "'"));
            }
            // an entry without credentials is what `docker login` writes when a credsStore keeps them
        }
        debug.accept(prefix + source + ": no entry with credentials");
        return Optional.empty();
    }

    private Optional<Credentials> fromHelper(JsonNode config, String registry, Path configFile, String prefix) {
        String helper = null;
        String configuredBy = null;
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        config.path("credHelpers").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (Registries.matches(entry.getKey(), registry) && entry.getValue().isTextual()) {
                helper = blankToNull(entry.getValue().asText());
                configuredBy = "credHelpers";
                break;
            }
        }
        if (helper == null) {
            helper = text(config, "credsStore");
            configuredBy = "credsStore";
        }
        if (helper == null) {
            debug.accept(prefix + configFile + ": no credHelpers entry, no credsStore");
            return Optional.empty();
        }
        String program = "docker-credential-" + helper;
        String source = "credential helper " + program + " (" + configuredBy + " in " + configFile + ")";
        Path executable = onPath(program);
        if (executable == null) {
            debug.accept(prefix + source + ": " + program + " is not on the PATH");
            return Optional.empty();
        }
        String serverAddress = Registries.serverAddress(registry);
        HelperAnswer answer = runHelper(executable, serverAddress);
        if (answer.problem != null) {
            debug.accept(prefix + source + ": " + answer.problem);
            return Optional.empty();
        }
        debug.accept(prefix + "using " + source);
        if ("<token>".equals(answer.username)) {
            return Optional.of(new Credentials(serverAddress, null, null, answer.secret, source));
        }
        return Optional.of(new Credentials(serverAddress, answer.username, answer.secret, null, source));
    }

    private Optional<Credentials> fromAuthConfigVariable(String registry, String prefix) {
        String value = blankToNull(env.get("DOCKER_AUTH_CONFIG"));
        if (value == null) {
            debug.accept(prefix + "DOCKER_AUTH_CONFIG: not set");
            return Optional.empty();
        }
        JsonNode config;
        try {
            config = Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            // never the parser's message: it quotes the text, which holds secrets
            debug.accept(prefix + "DOCKER_AUTH_CONFIG: not valid JSON; ignored");
            return Optional.empty();
        }
        return fromAuths(config.path("auths"), registry, "DOCKER_AUTH_CONFIG", prefix);
    }

    private Path onPath(String program) {
        String path = env.get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs {@code <helper> get} with the server address on stdin, the protocol of Docker's credential helpers. */
    private static HelperAnswer runHelper(Path executable, String serverAddress) {
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "get").start();
        } catch (IOException e) {
            return HelperAnswer.failed("cannot run it (" + e.getMessage() + ")");
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(serverAddress.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(HELPER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return HelperAnswer.failed("did not answer within " + HELPER_TIMEOUT.toSeconds() + "s");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                if (out.toLowerCase(Locale.ROOT).contains("credentials not found")) {
                    return HelperAnswer.failed("has no credentials for " + serverAddress);
                }
                return HelperAnswer.failed(
                        "failed (exit code " + process.exitValue() + ")" + helperSays(err.isBlank() ? out : err));
            }
            JsonNode answer;
            try {
                answer = Json.MAPPER.readTree(out);
            } catch (JsonProcessingException e) {
                return HelperAnswer.failed("answered something that is not JSON");
            }
            String secret = text(answer, "Secret");
            if (secret == null) {
                return HelperAnswer.failed("answered without a Secret");
            }
            return new HelperAnswer(text(answer, "Username"), secret, null);
        } catch (IOException e) {
            process.destroyForcibly();
            return HelperAnswer.failed("failed (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return HelperAnswer.failed("interrupted");
        }
    }

    /** The first line of what a failing helper printed, unless it might hold a secret. */
    private static String helperSays(String output) {
        String line = output.strip().lines().findFirst().orElse("");
        if (line.isEmpty() || line.contains("Secret")) {
            return "";
        }
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }

    private static String jsonProblem(JsonProcessingException e) {
        // only where: Jackson's messages quote the offending text, which could be a secret
        return e.getLocation() == null
                ? "not valid JSON"
                : "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? blankToNull(value.asText()) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record HelperAnswer(String username, String secret, String problem) {
        static HelperAnswer failed(String problem) {
            return new HelperAnswer(null, null, problem);
        }
    }
}
