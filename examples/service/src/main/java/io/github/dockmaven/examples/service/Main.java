package io.github.dockmaven.examples.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The jar's entry point. Without arguments it runs the service; {@code seed <file>} stores the items of a properties
 * file through the running service's HTTP API (what the POM's {@code postStart} does inside the container).
 *
 * <p>Environment: {@code PORT} (default 8080), {@code ACCESS_LOG} (default {@code /var/log/service/access.log}).
 */
public final class Main {

    private Main() {}

    /** Runs the service, or seeds a running one; see the class comment. */
    public static void main(String[] args) throws IOException {
        Settings settings = Settings.from(System.getenv());
        if (args.length == 0) {
            Service service = Service.start(settings.port(), settings.accessLog(), Clock.systemUTC());
            // docker stop sends SIGTERM: finish the request in progress and close the log before the JVM exits.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(service)));
            // The line a <wait><log> could match; the example's POM waits for /health instead.
            System.out.println("service listening on port " + service.port() + ", access log " + settings.accessLog());
        } else if (args.length == 2 && args[0].equals("seed")) {
            int stored = Seed.fromFile(Path.of(args[1]), "http://127.0.0.1:" + settings.port());
            System.out.println("seeded " + stored + " items from " + args[1]);
        } else {
            System.err.println("usage: java -jar service.jar [seed <items.properties>]");
            System.exit(2);
        }
    }

    private static void stop(Service service) {
        try {
            service.close();
        } catch (IOException e) {
            System.err.println("could not close the access log: " + e);
        }
    }

    /** What the environment sets. */
    record Settings(int port, Path accessLog) {

        static Settings from(Map<String, String> env) {
            String port = env.getOrDefault("PORT", "8080");
            if (!port.matches("[0-9]{1,5}")) {
                throw new IllegalArgumentException("PORT must be a port number, not '" + port + "'");
            }
            return new Settings(
                    Integer.parseInt(port), Path.of(env.getOrDefault("ACCESS_LOG", "/var/log/service/access.log")));
        }
    }
}
