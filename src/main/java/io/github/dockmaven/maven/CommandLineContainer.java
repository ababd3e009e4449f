package io.github.dockmaven.maven;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one container of {@code mvn dock:run -Ddock.image=redis:7 -Ddock.ports=6379 ...}: the {@code dock.*} properties
 * as a {@code <container>}, mapped and checked by {@link ConfigMapper} like any other, its errors naming the
 * properties. What only the command line has is read here: the comma lists of ports and {@code NAME=value} entries,
 * and the alias, which defaults to the last part of the image's name ({@code redis} for {@code
 * registry.example.com/cache/redis:7}).
 *
 * @param image {@code dock.image}; null when the command line names no container
 * @param alias {@code dock.alias}, or null
 * @param ports {@code dock.ports}, a comma list, or null
 * @param env {@code dock.env}, comma-separated {@code NAME=value} entries, or null
 * @param command {@code dock.command}, split like a shell splits words, or null
 * @param waitLog {@code dock.wait.log}, or null
 * @param waitTcp {@code dock.wait.tcp}, a comma list of container ports, or null
 */
record CommandLineContainer(
        String image, String alias, String ports, String env, String command, String waitLog, String waitTcp) {

    /** The property of each {@code <container>} element the command line can set, for {@link Spelling#PROPERTIES}. */
    static final Map<String, String> PROPERTIES = Map.of(
            "image", "dock.image",
            "alias", "dock.alias",
            "port", "dock.ports",
            "ports", "dock.ports",
            "env", "dock.env",
            "command", "dock.command",
            "wait/log", "dock.wait.log",
            "wait/tcp", "dock.wait.tcp");

    /**
     * The container the properties describe, checked; empty when none of them is given. Fails before anything is
     * created when a value is malformed, or when properties describe a container but {@code dock.image} is missing.
     */
    Optional<ContainerSpec> spec(Path baseDir, String artifactId) {
        if (isBlank(image)) {
            requireNoOtherProperty();
            return Optional.empty();
        }
        Container container = new Container();
        container.image = image.trim();
        ConfigMapper.checkImage("", container.image, Spelling.PROPERTIES);
        container.alias = isBlank(alias) ? defaultAlias(container.image) : alias.trim();
        container.ports = list(ports);
        container.env = env(container.alias);
        if (!isBlank(command)) {
            container.command = new Container.Args();
            container.command.set(command);
        }
        if (!isBlank(waitLog) || !isBlank(waitTcp)) {
            container.wait = new Container.Wait();
            container.wait.log = waitLog;
            container.wait.tcp = waitTcp;
        }
        return Optional.of(ConfigMapper.map(List.of(container), baseDir, artifactId, Spelling.PROPERTIES)
                .get(0));
    }

    /** The last part of the image's name, without tag or digest: {@code redis} for {@code docker.io/library/redis:7}. */
    static String defaultAlias(String image) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        int end = name.indexOf('@');
        name = end < 0 ? name : name.substring(0, end);
        end = name.indexOf(':');
        return end < 0 ? name : name.substring(0, end);
    }

    private void requireNoOtherProperty() {
        String[] given = {alias, ports, env, command, waitLog, waitTcp};
        String[] elements = {"alias", "ports", "env", "command", "wait/log", "wait/tcp"};
        for (int i = 0; i < given.length; i++) {
            if (!isBlank(given[i])) {
                throw new BuildFailure(Spelling.PROPERTIES.of(elements[i], given[i]) + " describes a container, but "
                        + Spelling.PROPERTIES.name("image") + " is not given. Name its image, e.g. "
                        + Spelling.PROPERTIES.of("image", "redis:7") + ".");
            }
        }
    }

    private Map<String, String> env(String containerAlias) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : list(env)) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new BuildFailure("Container '" + containerAlias + "': " + Spelling.PROPERTIES.of("env", env)
                        + " has the entry '" + entry + "', which is not NAME=value. Separate the entries with"
                        + " commas, e.g. " + Spelling.PROPERTIES.of("env", "TZ=UTC,LANG=C.UTF-8") + ".");
            }
            map.put(entry.substring(0, equals).trim(), entry.substring(equals + 1));
        }
        return map;
    }

    private static List<String> list(String commaList) {
        return isBlank(commaList)
                ? List.of()
                : Arrays.stream(commaList.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
