package io.github.dockmaven.maven;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.RemovalPolicy;
import io.github.dockmaven.core.Selection;
import io.github.dockmaven.core.Teardown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads, while the plugin's class realm is open, every class the shutdown hook may need: Maven closes the realm when
 * the build ends, before the JVM runs its hooks, and a class first needed only then cannot be loaded any more.
 *
 * <p>Our own classes and the engine client's are loaded by name. What the client uses from its libraries (the HTTP
 * transport, JSON, I/O helpers) is loaded by taking the paths the hook takes: listing by labels, and removing a
 * container, a network and a volume by a name no build uses, which the engine answers with "not found", as it does for
 * what is already gone at exit. Loading every library by name instead would load thousands of classes the hook never
 * touches.
 */
final class ExitClassPreload {

    /** The packages whose classes are loaded by name: ours, and the engine client's. */
    private static final List<String> BY_NAME = List.of("io/github/dockmaven/", "com/github/dockerjava/");

    private final List<Path> classpath;
    private final String session;

    /**
     * @param classpath the plugin's jar and its dependencies
     * @param session the session's id, which makes the names of the removals unique to it
     */
    ExitClassPreload(List<Path> classpath, String session) {
        this.classpath = classpath;
        this.session = session;
    }

    /** Loads the classes, through {@code engine} for the paths of the libraries; failures are shown at debug level. */
    void load(Engine engine, Executor executor, Console console) {
        ClassLoader loader = getClass().getClassLoader();
        int loaded = 0;
        List<String> missing = new ArrayList<>();
        for (Path entry : classpath) {
            for (String name : classNames(entry, console)) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError optionalDependencyAbsent) {
                    missing.add(name);
                }
            }
        }
        takeTheHooksPaths(engine, executor, console);
        console.debug("Loaded " + loaded + " classes for the shutdown cleanup"
                + (missing.isEmpty() ? "" : "; " + missing.size() + " need what is not here, e.g. " + missing.get(0)));
    }

    private void takeTheHooksPaths(Engine engine, Executor executor, Console console) {
        String nothing = "dock-nothing-" + session;
        try {
            new Teardown(engine, console, executor)
                    .remove(
                            Selection.ofLifecycleSession(nothing, List.of()),
                            RemovalPolicy.killUntilEmpty(Duration.ZERO, Duration.ofSeconds(5)))
                    .summary();
            engine.removeContainer(nothing);
            engine.removeNetwork(nothing);
            engine.removeVolume(nothing);
        } catch (RuntimeException e) {
            console.debug("Could not prepare the shutdown cleanup: " + e.getMessage());
        }
    }

    /** The binary names of the classes loaded by name in a jar or classes directory of the class path. */
    private static List<String> classNames(Path entry, Console console) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.map(p -> entry.relativize(p).toString().replace('\\', '/'))
                            .filter(ExitClassPreload::isLoadedByName)
                            .forEach(n -> names.add(binaryName(n)));
                }
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (isLoadedByName(name)) {
                            names.add(binaryName(name));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            console.debug("Could not list the classes of " + entry + ": " + e);
        }
        return names;
    }

    private static boolean isLoadedByName(String path) {
        return path.endsWith(".class")
                && !path.endsWith("module-info.class")
                && BY_NAME.stream().anyMatch(path::startsWith);
    }

    private static String binaryName(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
