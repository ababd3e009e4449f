package io.github.dockmaven.core.wait;

import java.util.regex.Pattern;

/** Holds once a line of stdout or stderr contains a match of the pattern. */
public final class LogCondition implements Condition {

    private final Pattern pattern;

    public LogCondition(Pattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public String describe() {
        return "a log line matching '" + pattern.pattern() + "'";
    }

    @Override
    public boolean check(Probe probe) {
        return probe.log().hasMatched(pattern);
    }

    @Override
    public String lastFailure() {
        return "no log line matched '" + pattern.pattern() + "'";
    }
}
