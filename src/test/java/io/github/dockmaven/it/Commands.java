package io.github.dockmaven.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the command-line tools the ITs set up with: docker, openssl, htpasswd. */
final class Commands {

    private Commands() {}

    /** The output (stdout and stderr) of a command that must succeed within two minutes. */
    static String run(List<String> command) {
        return run(command, Map.of(), null);
    }

    /**
     * Runs a command with extra environment variables and, if not null, {@code input} on its standard input; fails
     * with its output unless it exits 0.
     */
    static String run(List<String> command, Map<String, String> env, String input) {
        Result result = tryRun(command, env, input);
        if (result.exitCode() != 0) {
            throw new AssertionError(
                    String.join(" ", command) + " failed (exit code " + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }

    /** Runs a command; its exit code and output, whatever they are. */
    static Result tryRun(List<String> command, Map<String, String> env, String input) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = readAll(process.getInputStream());
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within 2 minutes:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Deletes a directory tree; what is gone already is fine. */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finished command. */
    record Result(int exitCode, String output) {}
}
