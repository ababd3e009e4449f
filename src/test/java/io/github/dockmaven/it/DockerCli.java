package io.github.dockmaven.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code docker} command line, for tests that check what exists independently of the plugin's own engine code, and
 * clean up after themselves: the one such helper of the Java tests ({@code src/it/lib.groovy} is the invoker scripts'
 * counterpart).
 */
public final class DockerCli {

    /** The label that holds a resource's project ({@code groupId:artifactId}). */
    private static final String PROJECT = "io.github.dockmaven.project=";

    private DockerCli() {}

    /** Runs {@code docker <args>} and returns its output, trimmed; fails with the output when it exits with an error. */
    public static String docker(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        return Commands.run(command).trim();
    }

    /** The containers (name and state), networks and volumes carrying all these labels ({@code key=value}). */
    public static List<String> resources(String... labels) {
        List<String> found = new ArrayList<>();
        found.addAll(lines(docker(withFilters(labels, "ps", "-a", "--format", "container {{.Names}} {{.State}}"))));
        found.addAll(lines(docker(withFilters(labels, "network", "ls", "--format", "network {{.Name}}"))));
        found.addAll(lines(docker(withFilters(labels, "volume", "ls", "--format", "volume {{.Name}}"))));
        return found;
    }

    /** Everything of the plugin for one project ({@code groupId:artifactId}). */
    public static List<String> ofProject(String project) {
        return resources(PROJECT + project);
    }

    /**
     * Waits until nothing carries these labels any more; returns how long that took, or fails listing what is left.
     */
    public static Duration awaitNone(Duration limit, String... labels) {
        long start = System.nanoTime();
        List<String> left = resources(labels);
        while (!left.isEmpty()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new AssertionError("still there after " + limit + ": " + left);
            }
            pause();
            left = resources(labels);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Removes everything of the plugin for one project, whatever its state: the cleanup after a test. */
    public static void removeAll(String project) {
        String[] label = {PROJECT + project};
        for (String id : lines(docker(withFilters(label, "ps", "-aq")))) {
            docker("rm", "-f", id);
        }
        for (String id : lines(docker(withFilters(label, "network", "ls", "-q")))) {
            docker("network", "rm", id);
        }
        for (String id : lines(docker(withFilters(label, "volume", "ls", "-q")))) {
            docker("volume", "rm", "-f", id);
        }
    }

    private static String[] withFilters(String[] labels, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        for (String label : labels) {
            all.add("--filter");
            all.add("label=" + label);
        }
        return all.toArray(String[]::new);
    }

    private static List<String> lines(String output) {
        return output.isBlank() ? List.of() : List.of(output.split("\n"));
    }

    /** Between two listings of {@link #awaitNone}: the engine removes things in its own time. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
