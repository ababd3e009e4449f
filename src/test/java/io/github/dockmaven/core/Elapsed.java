package io.github.dockmaven.core;

/**
 * Messages say how long something took ({@code exited with code 3 after 52ms}); that part differs from run to run, so
 * tests replace it before comparing the whole message.
 */
public final class Elapsed {

    private Elapsed() {}

    /** The message with the measured time after {@code exited with code N after} replaced by {@code <elapsed>}. */
    public static String masked(String message) {
        return message.replaceAll("(exited with code -?\\d+(?: \\(.*?\\))? after )(\\d+m)?[0-9.]+m?s", "$1<elapsed>");
    }
}
