package io.github.dockmaven.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker} command line, for ITs that check what exists independently of the plugin's own engine code.
 */
final class DockerCli {

    private DockerCli() {}

    /** Runs {@code docker <args>} and returns its output; fails when it exits with an error. */
    static String docker(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(Arrays.asList(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> lines(String output) {
        return output.isBlank() ? List.of() : List.of(output.split("\n"));
    }

    /** The containers (name and state), networks and volumes carrying all these labels ({@code key=value}). */
    static List<String> resources(String... labels) {
        List<String> found = new ArrayList<>();
        lines(docker(withFilters(List.of("ps", "-a", "--format", "container {{.Names}} {{.State}}"), labels)))
                .forEach(found::add);
        lines(docker(withFilters(List.of("network", "ls", "--format", "network {{.Name}}"), labels)))
                .forEach(found::add);
        lines(docker(withFilters(List.of("volume", "ls", "--format", "volume {{.Name}}"), labels)))
                .forEach(found::add);
        return found;
    }

    /** Everything of the plugin for one project ({@code groupId:artifactId}). */
    static List<String> ofProject(String project) {
        return resources("io.github.dockmaven.project=" + project);
    }

    private static String[] withFilters(List<String> command, String... labels) {
        List<String> all = new ArrayList<>(command);
        for (String label : labels) {
            all.add("--filter");
            all.add("label=" + label);
        }
        return all.toArray(String[]::new);
    }

    /**
     * Waits until nothing carries these labels any more; returns how long that took, or fails listing what is left.
     */
    static Duration awaitNone(Duration limit, String... labels) {
        long start = System.nanoTime();
        List<String> left = resources(labels);
        while (!left.isEmpty()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new AssertionError("still there after " + limit + ": " + left);
            }
            MavenBuild.sleep(200);
            left = resources(labels);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Removes everything of the plugin for one project, whatever its state: the cleanup after an IT. */
    static void removeAll(String project) {
        String label = "label=io.github.dockmaven.project=" + project;
        for (String id : lines(docker("ps", "-aq", "--filter", label))) {
            docker("rm", "-f", id);
        }
        for (String id : lines(docker("network", "ls", "-q", "--filter", label))) {
            docker("network", "rm", id);
        }
        for (String id : lines(docker("volume", "ls", "-q", "--filter", label))) {
            docker("volume", "rm", "-f", id);
        }
    }
}
