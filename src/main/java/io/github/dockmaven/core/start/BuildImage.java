package io.github.dockmaven.core.start;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Ids;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.LogLine;
import io.github.dockmaven.core.Scope;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Builds a container's image from its {@code <build>}: tagged with the container's image, labelled as the project's,
 * its output written where the container's own output goes, under the name {@code <alias>-build}. A failed build
 * fails with the alias, the failing step and the last lines of the output.
 */
final class BuildImage {

    private final Engine engine;
    private final Console console;
    private final Scope scope;
    private final Function<String, Consumer<LogLine>> outputs;
    private final ImageCache images;
    private final LongSupplier nanoTime;

    BuildImage(
            Engine engine,
            Console console,
            Scope scope,
            Function<String, Consumer<LogLine>> outputs,
            ImageCache images,
            LongSupplier nanoTime) {
        this.engine = engine;
        this.console = console;
        this.scope = scope;
        this.outputs = outputs;
        this.images = images;
        this.nanoTime = nanoTime;
    }

    /** The name under which the build's output is shown and written. */
    static String outputName(String alias) {
        return alias + "-build";
    }

    void build(ContainerSpec spec) {
        Consumer<LogLine> output = outputs.apply(outputName(spec.alias()));
        long start = nanoTime.getAsLong();
        console.info("Building image " + spec.image() + " of '" + spec.alias() + "' from "
                + spec.build().context());
        try {
            String id = engine.buildImage(
                    spec.build(),
                    spec.image(),
                    Labels.ofImage(scope, spec.alias()),
                    line -> output.accept(new LogLine(LogLine.Stream.STDOUT, line)));
            images.markPresent(spec.image());
            console.info("Built " + spec.image() + " (" + Ids.shortId(id) + ") for '" + spec.alias() + "' in "
                    + Durations.format(Duration.ofNanos(nanoTime.getAsLong() - start)));
        } catch (EngineException.BuildFailed e) {
            throw new BuildFailure(failureMessage(spec, e), e);
        } finally {
            close(output);
        }
    }

    /**
     * {@code Could not build the image of container 'app' (dock/shop-app:latest): the step RUN make failed: The
     * command '/bin/sh -c make' returned a non-zero code: 2. Last lines of the build's output:} and the lines.
     */
    static String failureMessage(ContainerSpec spec, EngineException.BuildFailed failure) {
        StringBuilder message = new StringBuilder("Could not build the image of container ")
                .append(spec.describe())
                .append(": ")
                .append(failure.step() == null ? "" : "the step " + failure.step() + " failed: ")
                .append(failure.reason());
        if (!failure.lastLines().isEmpty()) {
            message.append(". Last lines of the build's output:");
            failure.lastLines().forEach(line -> message.append("\n  ").append(line));
        }
        return message.toString();
    }

    private void close(Consumer<LogLine> output) {
        if (output instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                console.warn("Cannot close the build output of " + scope.artifactId() + ": " + e.getMessage());
            }
        }
    }
}
