package io.github.dockmaven.core;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The output around a graceful stop: a run that follows its containers' output keeps what their {@code preStop}
 * commands print, and what they print while they stop, in their logs.
 */
interface StopOutput {

    /** Nothing followed: {@code preStop} output goes to the console. */
    StopOutput NONE = new StopOutput() {
        @Override
        public Optional<Consumer<LogLine>> log(Started container) {
            return Optional.empty();
        }

        @Override
        public void stopped(Started container) {}

        @Override
        public void killing(Started container) {}
    };

    /** Where the output of commands run in the container before its stop goes; empty: the console. */
    Optional<Consumer<LogLine>> log(Started container);

    /** The container was stopped and is about to be removed: its followed output may end with it. */
    void stopped(Started container);

    /** The container is about to be killed by its removal: its followed output is closed first, as a kill's is. */
    void killing(Started container);
}
