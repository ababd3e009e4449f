package io.github.dockmaven.core;

/** Where the core reports to the user; the Maven layer writes it to Maven's log. */
public interface Console {

    void info(String message);

    void warn(String message);

    void debug(String message);

    boolean isDebugEnabled();

    /** A console that drops everything, for tests. */
    static Console silent() {
        return new Console() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}

            @Override
            public boolean isDebugEnabled() {
                return false;
            }
        };
    }
}
