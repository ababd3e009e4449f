package io.github.dockmaven.core;

import java.util.Locale;

/** Sizes in bytes, written for people. */
public final class ByteSizes {

    private static final String[] UNITS = {"kB", "MB", "GB", "TB"};

    private ByteSizes() {}

    /** {@code 999 B}, {@code 1.5 kB}, {@code 12.3 MB}: decimal units, as Docker prints them. */
    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
