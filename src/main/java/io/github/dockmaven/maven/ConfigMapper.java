package io.github.dockmaven.maven;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.ContainerSpec.StopMode;
import io.github.dockmaven.core.CopyEntry;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.Exec;
import io.github.dockmaven.core.ImageBuild;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.ShellWords;
import io.github.dockmaven.core.VolumeMount;
import io.github.dockmaven.core.WaitSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the POM's {@code <containers>} into checked {@link ContainerSpec}s. It is the only place that knows the XML
 * element names, so every configuration error names the element to fix, the offending value and the fix, before any
 * container is created. The one container of the command line ({@link CommandLineContainer}) comes through here too,
 * its errors {@linkplain Spelling spelled} as the properties the user typed; so does a {@code <container>} that adds to
 * a compose service ({@link #overlay}), whose mistakes are worded as any {@code <container>}'s.
 */
final class ConfigMapper {

    static final Duration DEFAULT_STOP_TIMEOUT = ContainerSpec.DEFAULT_STOP_TIMEOUT;
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    // [registry[:port]/]path[:tag][@digest], as the engine accepts it; the path in lower case.
    private static final Pattern IMAGE = Pattern.compile("(?:[A-Za-z0-9.-]+(?::\\d+)?/)?"
            + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
            + "(?::\\w[\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");
    private static final Pattern STATUS = Pattern.compile("(\\d{3})(?:\\.\\.(\\d{3}))?");

    private ConfigMapper() {}

    /**
     * Maps and checks every container of the POM; throws {@link BuildFailure} at the first mistake.
     *
     * @param baseDir the project's folder, against which relative paths are resolved
     * @param artifactId the project's artifactId, which names the images built without an {@code <image>}
     */
    static List<ContainerSpec> map(List<Container> containers, Path baseDir, String artifactId) {
        return map(containers, baseDir, artifactId, Spelling.XML);
    }

    /** Maps and checks every container, naming the elements in errors as {@code spelling} writes them. */
    static List<ContainerSpec> map(List<Container> containers, Path baseDir, String artifactId, Spelling spelling) {
        return map(containers, baseDir, artifactId, spelling, ComposeStack.NONE);
    }

    /**
     * Maps and checks the containers beside the compose services of {@code stack}: a {@code <dependsOn>} may name a
     * service that runs, and the {@linkplain #isOverlay overlays} of declared services are left out (see {@link
     * #overlay}), still counted in the position a message gives a container without an alias.
     */
    static List<ContainerSpec> map(List<Container> containers, Path baseDir, String artifactId, ComposeStack stack) {
        return map(containers, baseDir, artifactId, Spelling.XML, stack);
    }

    private static List<ContainerSpec> map(
            List<Container> containers, Path baseDir, String artifactId, Spelling spelling, ComposeStack stack) {
        if (containers == null || containers.isEmpty()) {
            return List.of();
        }
        List<ContainerSpec> specs = new ArrayList<>();
        Set<String> aliases = new HashSet<>();
        int index = 0;
        for (Container c : containers) {
            index++;
            if (isOverlay(c, stack)) {
                continue;
            }
            ContainerSpec spec = map(c, index, baseDir, artifactId, spelling, stack);
            if (!aliases.add(spec.alias())) {
                throw duplicateAlias(spec.alias());
            }
            specs.add(spec);
        }
        Set<String> known = new TreeSet<>(aliases);
        known.addAll(stack.running());
        for (ContainerSpec spec : specs) {
            for (String dep : spec.dependsOn()) {
                if (!known.contains(dep)) {
                    throw unknownDependency(
                            spec.alias(), dep, known, !stack.declared().isEmpty());
                }
            }
        }
        return specs;
    }

    /** Whether {@code c} adds to a compose service of {@code stack}: it has the service's name, no image, no build. */
    static boolean isOverlay(Container c, ComposeStack stack) {
        return c.alias != null
                && stack.declared().containsKey(c.alias.trim())
                && trim(c.image) == null
                && c.build == null;
    }

    static BuildFailure duplicateAlias(String alias) {
        return new BuildFailure("Two <container> elements have <alias>" + alias
                + "</alias>. Aliases must be unique in the POM: rename one of them.");
    }

    private static BuildFailure dependsOnItself(String alias) {
        return new BuildFailure(
                "Container '" + alias + "' depends on itself in <dependsOn>. Remove '" + alias + "' from it.");
    }

    /** The end of the error for a port an overlay's wait checks and its service does not publish: the fix is there. */
    private static IntFunction<String> notPublishedBy(String service, Path file) {
        return port -> "which the compose service '" + service + "' does not publish. Add it to the service's ports"
                + " in " + file + " (e.g. - \"" + port + "\") so it can be reached from the build.";
    }

    private static BuildFailure unknownDependency(String alias, String dep, Set<String> known, boolean services) {
        return new BuildFailure("Container '" + alias + "': <dependsOn> names '" + dep + "', but no <container>"
                + (services ? " or compose service that runs" : "") + " has that alias. Known"
                + " aliases: " + String.join(", ", known) + ".");
    }

    /**
     * {@code service} with what the overlay {@code <container>} {@code c} adds to it: its {@code <wait>} replaces the
     * service's, its {@code <stopMode>}, {@code <stopTimeout>}, {@code <postStart>}, {@code <preStop>}, {@code
     * <copyIn>}, {@code <copyOut>} and {@code <reuse>} apply, its {@code <dependsOn>} adds to the service's {@code depends_on}. Every
     * other element belongs in the compose file: setting one is an error.
     *
     * @param file the compose file that declares the service, for messages
     * @param known the aliases a {@code <dependsOn>} may name: every container and service that runs
     */
    static ContainerSpec overlay(ContainerSpec service, Path file, Container c, Path baseDir, Set<String> known) {
        String alias = service.alias();
        String where = "Container '" + alias + "'";
        OverlayElements.firstSetOutside(c).ifPresent(element -> {
            throw new BuildFailure(where + " adds to the compose service '" + alias + "' (it has no <image> or"
                    + " <build>), so it cannot set <" + element + ">: set it in the compose file (" + file + ")."
                    + " Such a <container> may set " + OverlayElements.describe() + ".");
        });
        List<String> dependsOn = new ArrayList<>(service.dependsOn());
        for (String dep : nonNull(c.dependsOn).stream().map(String::trim).toList()) {
            if (dep.equals(alias)) {
                throw dependsOnItself(alias);
            }
            if (!known.contains(dep)) {
                throw unknownDependency(alias, dep, new TreeSet<>(known), true);
            }
            if (!dependsOn.contains(dep)) {
                dependsOn.add(dep);
            }
        }
        return new ContainerSpec(
                alias,
                service.image(),
                service.name(),
                service.pullPolicy(),
                service.archive(),
                service.command(),
                service.entrypoint(),
                service.env(),
                service.labels(),
                service.ports(),
                service.volumes(),
                List.copyOf(dependsOn),
                service.networks(),
                c.wait == null
                        ? service.readiness()
                        : waitSpec(where, c.wait, service.ports(), Spelling.XML, notPublishedBy(alias, file)),
                enumValue(where, "stopMode", c.stopMode, StopMode.class, service.stopMode()),
                duration(where, "stopTimeout", c.stopTimeout, service.stopTimeout()),
                service.options(),
                service.build(),
                c.postStart == null ? service.postStart() : execs(where, "postStart", c.postStart, Spelling.XML),
                c.preStop == null ? service.preStop() : execs(where, "preStop", c.preStop, Spelling.XML),
                c.copyIn == null ? service.copyIn() : copies(where, "copyIn", c.copyIn, baseDir),
                c.copyOut == null ? service.copyOut() : copies(where, "copyOut", c.copyOut, baseDir),
                c.reuse == null ? service.reuse() : c.reuse);
    }

    private static ContainerSpec map(
            Container c, int index, Path baseDir, String artifactId, Spelling spelling, ComposeStack stack) {
        String image = trim(c.image);
        if (c.alias == null || c.alias.isBlank()) {
            throw new BuildFailure("The " + ordinal(index) + " <container>"
                    + (image == null ? "" : " (image " + image + ")")
                    + " has no <alias>. Give it one, e.g. <alias>db</alias>: the alias names the container in"
                    + " logs, properties and <dependsOn>.");
        }
        String alias = c.alias.trim();
        if (!ALIAS.matcher(alias).matches()) {
            throw new BuildFailure(spelling.container(index) + " has " + spelling.of("alias", alias)
                    + ", which is not a valid alias: use lower-case letters, digits, '_', '.' and '-',"
                    + " starting with a letter or digit, e.g. " + spelling.of("alias", suggestAlias(alias)) + ".");
        }
        String where = "Container '" + alias + "'";
        ImageBuild build = imageBuild(where, c.build, baseDir);
        if (image == null && build != null) {
            image = ImageBuild.defaultTag(artifactId, alias);
        }
        if (image == null) {
            throw new BuildFailure(
                    where + " has no <image>. Add one, e.g. <image>postgres:16</image>." + noServiceHint(alias, stack));
        }
        checkImage(where + ": ", image, spelling);
        PullPolicy pullPolicy = enumValue(where, "pullPolicy", c.pullPolicy, PullPolicy.class, PullPolicy.MISSING);
        StopMode stopMode = enumValue(where, "stopMode", c.stopMode, StopMode.class, StopMode.STOP);
        Duration stopTimeout = duration(where, "stopTimeout", c.stopTimeout, DEFAULT_STOP_TIMEOUT);

        List<PortMapping> ports = new ArrayList<>();
        for (String port : nonNull(c.ports)) {
            try {
                ports.add(PortMapping.parse(port));
            } catch (IllegalArgumentException e) {
                throw new BuildFailure(where + ": " + spelling.of("port", port) + " is not a valid port: "
                        + e.getMessage() + ". Examples: " + spelling.of("port", "8080") + ", "
                        + spelling.of("port", "18080:8080") + ", " + spelling.of("port", "53/udp") + ".");
            }
        }
        List<VolumeMount> volumes = new ArrayList<>();
        for (String volume : nonNull(c.volumes)) {
            try {
                volumes.add(VolumeMount.parse(volume, baseDir));
            } catch (IllegalArgumentException e) {
                throw new BuildFailure(
                        where + ": <volume>" + volume + "</volume> is not valid: " + e.getMessage()
                                + ". Examples: <volume>data:/var/lib/data</volume>, <volume>src/test/conf:/etc/app:ro</volume>.");
            }
        }
        List<String> networks = new ArrayList<>();
        if (c.network != null && !c.network.isBlank()) {
            networks.add(c.network.trim());
        }
        nonNull(c.networks).stream().map(String::trim).filter(n -> !n.isEmpty()).forEach(networks::add);
        if (networks.size() > 1 && (networks.contains("host") || networks.contains("none"))) {
            throw new BuildFailure(where + ": the network 'host' or 'none' cannot be combined with other networks ("
                    + String.join(", ", networks) + "). Use it alone.");
        }
        List<String> dependsOn = nonNull(c.dependsOn).stream().map(String::trim).toList();
        if (dependsOn.contains(alias)) {
            throw dependsOnItself(alias);
        }
        Path archive =
                c.archive == null ? null : baseDir.resolve(c.archive.toPath()).normalize();
        return new ContainerSpec(
                alias,
                image,
                trim(c.name),
                pullPolicy,
                archive,
                args(where, "command", c.command, spelling),
                args(where, "entrypoint", c.entrypoint, spelling),
                RunOptionsMapper.environment(where, c, baseDir, System::getenv),
                stringMap(c.labels),
                List.copyOf(ports),
                List.copyOf(volumes),
                dependsOn,
                List.copyOf(networks),
                waitSpec(where, c.wait, ports, spelling),
                stopMode,
                stopTimeout,
                RunOptionsMapper.map(where, c, networks),
                build,
                execs(where, "postStart", c.postStart, spelling),
                execs(where, "preStop", c.preStop, spelling),
                copies(where, "copyIn", c.copyIn, baseDir),
                copies(where, "copyOut", c.copyOut, baseDir),
                Boolean.TRUE.equals(c.reuse));
    }

    /** For a {@code <container>} without image: why it is not an overlay, when compose services are configured. */
    private static String noServiceHint(String alias, ComposeStack stack) {
        if (stack.declared().isEmpty()) {
            return "";
        }
        return " No compose service is named '" + alias + "' either, so it does not add to one (services: "
                + String.join(", ", stack.declared().keySet()) + ").";
    }

    /** The checked {@code <build>}, or null when there is none: its context and Dockerfile must exist. */
    private static ImageBuild imageBuild(String where, Build b, Path baseDir) {
        if (b == null) {
            return null;
        }
        String context = trim(b.context);
        if (context == null) {
            throw new BuildFailure(where + ": <build> has no <context>. Add the folder to build from, relative to the"
                    + " project, e.g. <context>.</context>.");
        }
        Path dir = baseDir.resolve(context).normalize();
        if (!Files.isDirectory(dir)) {
            throw new BuildFailure(where + ": <build><context>" + context + "</context> is not a folder (" + dir
                    + "). Create it, or fix the path (relative to the project).");
        }
        String dockerfile = trim(b.dockerfile) == null ? "Dockerfile" : trim(b.dockerfile);
        Path file = dir.resolve(dockerfile).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw new BuildFailure(where + ": <build><dockerfile>" + dockerfile + "</dockerfile> is not a file in the"
                    + " context " + dir + ". Create it, or fix the path (relative to <context>).");
        }
        return new ImageBuild(
                dir,
                dir.relativize(file).toString(),
                stringMap(b.args),
                trim(b.target),
                Boolean.TRUE.equals(b.pull),
                Boolean.TRUE.equals(b.noCache));
    }

    // ---- commands inside the container, files in and out (issue 11)

    private static List<Exec> execs(String where, String element, List<Container.Args> commands, Spelling spelling) {
        List<Exec> execs = new ArrayList<>();
        int index = 0;
        for (Container.Args command : commands == null ? List.<Container.Args>of() : commands) {
            index++;
            List<String> argv = command == null ? null : args(where, element + "/exec", command, spelling);
            if (argv == null) {
                throw new BuildFailure(where + ": the " + ordinal(index) + " <exec> of <" + element + "> is empty."
                        + " Give the command as one string, e.g. <exec>sh -c 'echo ready'</exec>, or as a list of"
                        + " <arg>.");
            }
            execs.add(new Exec(argv));
        }
        return List.copyOf(execs);
    }

    /**
     * The entries of {@code <copyIn>} (host {@code from}, which must exist) or {@code <copyOut>} (host {@code to}),
     * the host side resolved against the project, the container side absolute.
     */
    private static List<CopyEntry> copies(String where, String element, List<Container.Copy> entries, Path baseDir) {
        boolean in = element.equals("copyIn");
        List<CopyEntry> copies = new ArrayList<>();
        int index = 0;
        for (Container.Copy entry : entries == null ? List.<Container.Copy>of() : entries) {
            index++;
            String from = entry == null ? null : trim(entry.from);
            String to = entry == null ? null : trim(entry.to);
            if (from == null || to == null) {
                throw new BuildFailure(where + ": the " + ordinal(index) + " <entry> of <" + element + "> has no <"
                        + (from == null ? "from" : "to") + ">. Give both, e.g. <entry><from>"
                        + (in ? "src/test/app.conf" : "/var/log/app/") + "</from><to>"
                        + (in ? "/etc/app/" : "target/app-logs/") + "</to></entry>.");
            }
            String inContainer = in ? to : from;
            if (!inContainer.startsWith("/")) {
                throw new BuildFailure(where + ": <" + element + "><entry><" + (in ? "to>" : "from>") + inContainer
                        + "</" + (in ? "to>" : "from>") + " is not an absolute path in the container. Start it with /,"
                        + " e.g. " + (in ? "/etc/app/" : "/var/log/app/") + ".");
            }
            if (in) {
                Path source = baseDir.resolve(from).normalize();
                if (!Files.exists(source)) {
                    throw new BuildFailure(where + ": <copyIn><entry><from>" + from + "</from> does not exist ("
                            + source + "). Create it, or fix the path (a relative path is resolved against the"
                            + " project's directory).");
                }
                copies.add(new CopyEntry(source.toString(), to));
            } else {
                String target = baseDir.resolve(to).normalize().toString();
                copies.add(new CopyEntry(from, to.endsWith("/") ? target + "/" : target));
            }
        }
        return List.copyOf(copies);
    }

    private static WaitSpec waitSpec(String where, Container.Wait w, List<PortMapping> ports, Spelling spelling) {
        return waitSpec(
                where,
                w,
                ports,
                spelling,
                port -> "which is not in " + spelling.name("ports") + ". Add "
                        + spelling.of("port", Integer.toString(port)) + " so it can be reached from the build.");
    }

    /**
     * @param unpublished the rest of the error for a port the wait checks and the container does not publish: why,
     *     and where to publish it (the POM's {@code <ports>}, the command line's, or the compose file's)
     */
    private static WaitSpec waitSpec(
            String where,
            Container.Wait w,
            List<PortMapping> ports,
            Spelling spelling,
            IntFunction<String> unpublished) {
        if (w == null) {
            return new WaitSpec(null, List.of(), null, false, null, WaitSpec.DEFAULT_TIMEOUT);
        }
        Pattern log = null;
        if (w.log != null && !w.log.isEmpty()) {
            try {
                log = Pattern.compile(w.log);
            } catch (PatternSyntaxException e) {
                throw new BuildFailure(where + ": " + spelling.of("wait/log", w.log) + " is not a valid Java regular"
                        + " expression: " + e.getDescription() + " near index " + e.getIndex()
                        + ". Escape special characters with \\, or quote the text with \\Q...\\E.");
            }
        }
        List<Integer> tcp = new ArrayList<>();
        if (w.tcp != null && !w.tcp.isBlank()) {
            for (String part : w.tcp.split(",")) {
                int port = port(where, spelling.name("wait/tcp"), part.trim());
                requirePublished(where, spelling.name("wait/tcp"), port, ports, unpublished);
                tcp.add(port);
            }
        }
        WaitSpec.Http http = null;
        if (w.http != null) {
            if (w.http.port == null) {
                throw new BuildFailure(where + ": <wait><http> has no <port>. Add the container port to ask, e.g."
                        + " <port>8080</port>.");
            }
            int port = port(where, "<wait><http><port>", w.http.port.toString());
            requirePublished(where, "<wait><http><port>", port, ports, unpublished);
            String path = w.http.path == null || w.http.path.isBlank() ? "/" : w.http.path.trim();
            if (!path.startsWith("/")) {
                path = "/" + path;
            }
            String method = w.http.method == null ? "GET" : w.http.method.trim().toUpperCase(Locale.ROOT);
            if (!method.matches("GET|HEAD|POST|PUT|DELETE|OPTIONS|TRACE|PATCH")) {
                throw new BuildFailure(where + ": <wait><http><method>" + w.http.method
                        + "</method> is not an HTTP method. Use GET (default), HEAD, POST, ...");
            }
            int min = 200;
            int max = 399;
            if (w.http.status != null && !w.http.status.isBlank()) {
                var m = STATUS.matcher(w.http.status.trim());
                if (!m.matches()) {
                    throw new BuildFailure(where + ": <wait><http><status>" + w.http.status
                            + "</status> is not a status: write one code (200) or a range (200..299).");
                }
                min = Integer.parseInt(m.group(1));
                max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
                if (min > max) {
                    throw new BuildFailure(where + ": <wait><http><status>" + w.http.status
                            + "</status> is an empty range: write the lower code first.");
                }
            }
            http = new WaitSpec.Http(port, path, method, min, max);
        }
        Duration timeout = duration(where, "wait><timeout", w.timeout, WaitSpec.DEFAULT_TIMEOUT);
        return new WaitSpec(log, List.copyOf(tcp), http, Boolean.TRUE.equals(w.healthy), w.exit, timeout);
    }

    private static void requirePublished(
            String where, String element, int port, List<PortMapping> ports, IntFunction<String> unpublished) {
        boolean published = ports.stream()
                .anyMatch(p -> p.containerPort() == port && p.protocol().equals("tcp"));
        if (!published) {
            throw new BuildFailure(where + ": " + element + " checks port " + port + ", " + unpublished.apply(port));
        }
    }

    private static int port(String where, String element, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the value.
        }
        throw new BuildFailure(where + ": " + element + " '" + text + "' is not a port number (1 to 65535).");
    }

    private static Duration duration(String where, String element, String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BuildFailure(where + ": <" + element + ">" + text + "</" + element.replaceAll(".*<", "")
                    + "> is not a duration: " + e.getMessage() + ".");
        }
    }

    private static <E extends Enum<E>> E enumValue(
            String where, String element, String text, Class<E> type, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(v -> v.name().toLowerCase(Locale.ROOT))
                    .toList();
            throw new BuildFailure(where + ": <" + element + ">" + text + "</" + element + "> is not one of "
                    + String.join(", ", allowed) + ".");
        }
    }

    private static List<String> args(String where, String element, Container.Args args, Spelling spelling) {
        if (args == null) {
            return null;
        }
        if (!args.args.isEmpty()) {
            return List.copyOf(args.args);
        }
        if (args.line == null || args.line.isBlank()) {
            return null;
        }
        try {
            return ShellWords.split(args.line);
        } catch (IllegalArgumentException e) {
            throw new BuildFailure(where + ": " + spelling.of(element, args.line) + " cannot be split into words: "
                    + e.getMessage() + ". Close the quote"
                    + (spelling.hasArgLists() ? ", or give the words as a list of <arg>." : "."));
        }
    }

    private static Map<String, String> stringMap(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        }
        return copy;
    }

    private static List<String> nonNull(List<String> list) {
        return list == null
                ? List.of()
                : list.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String suggestAlias(String alias) {
        String s = alias.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        return s.matches("[a-z0-9].*") ? s : "c" + s;
    }

    /**
     * Fails unless {@code image} is a reference the engine accepts; {@code prefix} says whose image it is, e.g.
     * {@code Container 'db': }.
     */
    static void checkImage(String prefix, String image, Spelling spelling) {
        if (!IMAGE.matcher(image).matches()) {
            throw new BuildFailure(prefix + spelling.of("image", image) + " is not a valid image reference. Write it"
                    + " as name[:tag] or name@digest, the name in lower case, e.g. postgres:16 or"
                    + " registry.example.com:5000/team/app:1.0.");
        }
    }

    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13)
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
