package io.github.dockmaven.core;

import java.util.List;

/**
 * What a graceful stop does around stopping a container besides stopping it: the {@code <preStop>} commands before,
 * the {@code <copyOut>} copies after (before the container is removed). Only a container that became ready has them;
 * a killing teardown (shutdown hook, watchdog) skips them.
 *
 * @param preStop the commands to run inside the container before it is stopped, in order
 * @param copyOut the container paths to copy to the host once it stopped, in order
 */
public record StopHooks(List<Exec> preStop, List<CopyEntry> copyOut) {

    /** Nothing to do besides stopping. */
    public static final StopHooks NONE = new StopHooks(List.of(), List.of());

    public StopHooks {
        preStop = List.copyOf(preStop);
        copyOut = List.copyOf(copyOut);
    }

    /** The hooks {@code spec} asks for. */
    public static StopHooks of(ContainerSpec spec) {
        return new StopHooks(spec.preStop(), spec.copyOut());
    }

    /** Whether there is nothing to do. */
    public boolean isEmpty() {
        return preStop.isEmpty() && copyOut.isEmpty();
    }
}
