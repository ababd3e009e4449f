package io.github.dockmaven.maven;

import io.github.dockmaven.core.Console;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's console on Maven's log. Lines go above the progress lines of a {@link TerminalPullDisplay} while one
 * shows them.
 */
final class MavenConsole implements Console {

    private final Log log;

    MavenConsole(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        TerminalPullDisplay.print(() -> log.info(message));
    }

    @Override
    public void warn(String message) {
        TerminalPullDisplay.print(() -> log.warn(message));
    }

    @Override
    public void debug(String message) {
        TerminalPullDisplay.print(() -> log.debug(message));
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }
}
