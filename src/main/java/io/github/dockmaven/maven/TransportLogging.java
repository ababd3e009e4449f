package io.github.dockmaven.maven;

/**
 * Keeps the HTTP client under docker-java from logging what it sends. At debug level ({@code mvn -X}) Apache
 * HttpClient logs every request header, and its wire log every byte: that would print the {@code X-Registry-Auth}
 * header of a pull, which carries the registry password, and dump whole image archives into the build log. Maven's
 * logger takes per-logger levels from {@code org.slf4j.simpleLogger.log.<name>} system properties, read when a logger
 * is first created; so these are set to {@code info} before the first connection, unless the user chose a level.
 */
final class TransportLogging {

    static final String[] LOGGERS = {"org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire"};

    private static final String LEVEL_PREFIX = "org.slf4j.simpleLogger.log.";

    private TransportLogging() {}

    static void quiet() {
        for (String logger : LOGGERS) {
            String property = LEVEL_PREFIX + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "info");
            }
        }
    }
}
