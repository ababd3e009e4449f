package io.github.dockmaven.core.wait;

/**
 * One readiness condition. It is checked repeatedly until it holds; once it held it is not checked again.
 */
public interface Condition {

    /** What must hold, for messages: {@code a log line matching 'ready'}. */
    String describe();

    /** Checks once, quickly; returns whether the condition holds now. */
    boolean check(Probe probe);

    /** Why it did not hold at the last check, or empty. */
    default String lastFailure() {
        return "";
    }
}
