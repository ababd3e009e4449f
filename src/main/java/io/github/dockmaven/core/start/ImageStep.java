package io.github.dockmaven.core.start;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.PullDisplay;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Makes an image present: built, when a container using it has a {@code <build>}; else as the {@code <pullPolicy>} of
 * each container using it asks: looked up, loaded from an archive or pulled. It fails when a build fails, an image
 * that must not be pulled is missing, an archive does not hold the image, or the pull fails.
 */
final class ImageStep {

    /**
     * The order in which the policies of containers sharing an image are applied: a pull first, so that a container
     * that must not pull finds what another one pulled, whatever order they are declared in.
     */
    private static final Comparator<ContainerSpec> PULLS_FIRST =
            Comparator.comparingInt(spec -> switch (spec.pullPolicy()) {
                case ALWAYS -> 0;
                case MISSING -> 1;
                case NEVER -> 2;
            });

    private final Engine engine;
    private final Console console;
    private final ImageCache images;
    private final PullDisplay pulls;
    private final LongSupplier nanoTime;
    private final BuildImage builds;

    ImageStep(
            Engine engine,
            Console console,
            ImageCache images,
            PullDisplay pulls,
            LongSupplier nanoTime,
            BuildImage builds) {
        this.engine = engine;
        this.console = console;
        this.images = images;
        this.pulls = pulls;
        this.nanoTime = nanoTime;
        this.builds = builds;
    }

    /** The containers of {@code specs}, by image, each image's list holding one container per distinct policy. */
    static Map<String, List<ContainerSpec>> byImage(List<ContainerSpec> specs) {
        Map<String, List<ContainerSpec>> byImage = new LinkedHashMap<>();
        for (ContainerSpec spec : specs) {
            List<ContainerSpec> users = byImage.computeIfAbsent(spec.image(), image -> new ArrayList<>());
            if (users.stream().noneMatch(user -> sameWay(user, spec))) {
                users.add(spec);
            }
        }
        byImage.values().forEach(users -> users.sort(PULLS_FIRST));
        return byImage;
    }

    private static boolean sameWay(ContainerSpec a, ContainerSpec b) {
        return a.pullPolicy() == b.pullPolicy()
                && Objects.equals(a.archive(), b.archive())
                && Objects.equals(a.build(), b.build());
    }

    /**
     * Builds the image of {@code users}, containers of one image, when one of them has a {@code <build>} (the others
     * run what it built); else applies the policy of each in turn.
     */
    void run(List<ContainerSpec> users) {
        users.stream()
                .filter(ContainerSpec::isBuilt)
                .findFirst()
                .ifPresentOrElse(builds::build, () -> users.forEach(this::ensure));
    }

    private void ensure(ContainerSpec spec) {
        String image = spec.image();
        PullPolicy policy = spec.pullPolicy();
        switch (policy) {
            case NEVER -> {
                if (!images.isPresent(image, engine)) {
                    throw new BuildFailure("Image '" + image + "' of container '" + spec.alias()
                            + "' is not present locally, and its <pullPolicy> is never. Build or pull it first"
                            + " (docker pull " + image + "), or set <pullPolicy>missing</pullPolicy>.");
                }
            }
            case MISSING -> {
                if (!images.isPresent(image, engine)) {
                    if (spec.archive() != null) {
                        load(spec);
                    } else {
                        pull(spec);
                    }
                }
            }
            case ALWAYS -> {
                if (!images.wasPulled(image)) {
                    pull(spec);
                }
            }
        }
    }

    private void load(ContainerSpec spec) {
        if (!Files.isRegularFile(spec.archive())) {
            throw new BuildFailure("Container " + spec.describe() + " has <archive>" + spec.archive()
                    + "</archive>, but that file does not exist. Create it with docker save -o <file> "
                    + spec.image() + ", or fix the path.");
        }
        long start = nanoTime.getAsLong();
        engine.load(spec.archive());
        if (!engine.imageExists(spec.image())) {
            throw new BuildFailure("Container " + spec.describe() + ": the archive " + spec.archive()
                    + " was loaded, but it does not hold the image '" + spec.image() + "'. Fix <image> or"
                    + " <archive>.");
        }
        images.markPresent(spec.image());
        console.info("Loaded " + spec.image() + " from " + spec.archive().getFileName() + " in "
                + Durations.format(Duration.ofNanos(nanoTime.getAsLong() - start)));
    }

    private void pull(ContainerSpec spec) {
        String image = spec.image();
        images.pullOnce(image, () -> {
            PullDisplay.Pull shown = pulls.begin(image, spec.alias());
            long start = nanoTime.getAsLong();
            try {
                engine.pull(image, spec.options().platform(), shown::progress);
            } catch (RuntimeException e) {
                shown.failed();
                throw e;
            }
            shown.done(Duration.ofNanos(nanoTime.getAsLong() - start));
        });
    }
}
