package io.github.dockmaven.maven;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * One {@code <container>} of the POM, as Maven binds it. {@link ConfigMapper} checks it and turns it into the core's
 * {@code ContainerSpec}; nothing else reads it.
 */
public class Container {

    /**
     * Required, unique in the POM, {@code [a-z0-9][a-z0-9_.-]*}: names the container in logs, in the exported {@code dock.<alias>.*} properties and in {@code <dependsOn>}, and is its DNS name on the build's network.
     *
     * @since 0.1.0
     */
    String alias;

    /**
     * Required: the image to run, {@code name[:tag]} or {@code name@digest}.
     *
     * @since 0.1.0
     */
    String image;

    /**
     * A fixed container name; default: a name unique to this build, {@code <artifactId>-<alias>-<build id>}. Two builds at once clash on a fixed name.
     *
     * @since 0.1.0
     */
    String name;

    /**
     * When the image is pulled: {@code missing} (default: only when it is not present), {@code always} (once per Maven session) or {@code never}.
     *
     * @since 0.1.0
     */
    String pullPolicy;

    /**
     * A {@code docker save} tarball to load the image from when it is not present (offline CI), relative to the project.
     *
     * @since 0.1.0
     */
    File archive;

    /**
     * The command: one string split like a shell splits words, or a list of {@code <arg>}.
     *
     * @since 0.1.0
     */
    Args command;

    /**
     * The entrypoint: one string split like a shell splits words, or a list of {@code <arg>}.
     *
     * @since 0.1.0
     */
    Args entrypoint;

    /**
     * Environment variables, {@code <NAME>value</NAME>}.
     *
     * @since 0.1.0
     */
    Map<String, String> env;

    /**
     * Labels, {@code <name>value</name>}, besides the ones this plugin sets.
     *
     * @since 0.1.0
     */
    Map<String, String> labels;

    /**
     * The container ports to publish: {@code <port>8080</port>} (a free host port, chosen by the engine), {@code <port>18080:8080</port>} (a fixed host port) or {@code <port>127.0.0.1:18080:8080</port>}, each optionally with {@code /udp}. The first one is also exported as {@code dock.<alias>.port}.
     *
     * @since 0.1.0
     */
    List<String> ports;

    /**
     * {@code <volume>name:/path</volume>} (a named volume, created per build and labelled) or {@code <volume>host/path:/path[:ro]</volume>} (a bind mount; a relative host path is relative to the project).
     *
     * @since 0.1.0
     */
    List<String> volumes;

    /**
     * Aliases, as {@code <alias>} elements, of the containers that must be started and ready before this one starts.
     *
     * @since 0.1.0
     */
    List<String> dependsOn;

    /**
     * One existing network to join instead of the build's own network: a network name, {@code host} or {@code none}.
     *
     * @since 0.1.0
     */
    String network;

    /**
     * Several existing networks to join, as {@code <network>} elements, instead of the build's own network.
     *
     * @since 0.1.0
     */
    List<String> networks;

    /**
     * Readiness conditions, all of which must hold; default: the container is running, and healthy if its image declares a {@code HEALTHCHECK}.
     *
     * @since 0.1.0
     */
    Wait wait;

    /**
     * How it is stopped: {@code stop} (default: SIGTERM, then SIGKILL after {@code stopTimeout}) or {@code kill}.
     *
     * @since 0.1.0
     */
    String stopMode;

    /**
     * The grace period between SIGTERM and SIGKILL, as a duration: {@code 3s} (default), {@code 500ms}, {@code 1m}.
     *
     * @since 0.1.0
     */
    String stopTimeout;

    // ---- commands inside the container, files in and out (issue 11)

    /**
     * Commands run inside the container, in order, once its {@code <wait>} holds, each an {@code <exec>}: one string
     * split like a shell splits words, or a list of {@code <arg>}; run without a shell. The container counts as ready,
     * and its dependents start, only when every command exited 0; otherwise {@code run} fails and removes what it
     * created. Their output goes to the container's log, each line starting with {@code [exec]}. Default: none.
     *
     * @since 0.2.0
     */
    List<Args> postStart;

    /**
     * Commands run inside the container, in order, before {@code stop} stops it, each an {@code <exec>} as in {@code
     * postStart}. A command that fails is a warning; the stop goes on. Not run when the container is killed by the
     * shutdown hook or the watchdog. Default: none.
     *
     * @since 0.2.0
     */
    List<Args> preStop;

    /**
     * Host files or folders copied into the container after it is created and before it starts, each an {@code
     * <entry>} with {@code <from>} (relative to the project; must exist) and {@code <to>} (a container path; ending in
     * {@code /}, a folder to copy into, created if missing; otherwise the path the copy gets). Default: none.
     *
     * @since 0.2.0
     */
    List<Copy> copyIn;

    /**
     * Container files or folders copied to the host by {@code stop}, after the container stopped and before it is
     * removed (also when the tests failed), each an {@code <entry>} with {@code <from>} (a container path) and {@code
     * <to>} (relative to the project, e.g. {@code target/server-logs/}; ending in {@code /}, a folder to copy into;
     * otherwise the path the copy gets). A path the container does not have is a warning. Default: none.
     *
     * @since 0.2.0
     */
    List<Copy> copyOut;

    /** One {@code <entry>} of {@code <copyIn>} or {@code <copyOut>}. */
    public static class Copy {
        /**
         * What is copied: for {@code copyIn} a host path relative to the project, for {@code copyOut} a container path.
         *
         * @since 0.2.0
         */
        String from;

        /**
         * Where it goes: for {@code copyIn} a container path, for {@code copyOut} a host path relative to the project;
         * ending in {@code /}, a folder to copy into, where the copy keeps its name.
         *
         * @since 0.2.0
         */
        String to;
    }

    /** A command or entrypoint: one string, or a list of {@code <arg>}. */
    public static class Args {
        List<String> args = new java.util.ArrayList<>();
        String line;

        /** Called by Maven for {@code <command>sh -c 'echo hi'</command>}. */
        public void set(String line) {
            this.line = line;
        }

        /** Called by Maven for each {@code <arg>} of {@code <command><arg>sh</arg>...</command>}. */
        public void addArg(String arg) {
            args.add(arg);
        }

        /** Called by Maven for each {@code <arg>}, on versions that set the field through this name. */
        public void setArg(String arg) {
            args.add(arg);
        }
    }

    /** The {@code <wait>} element. */
    public static class Wait {
        /**
         * A Java regex that one line of stdout or stderr must contain a match of (a line printed before the wait began counts too).
         *
         * @since 0.1.0
         */
        String log;

        /**
         * A container port, or a comma list of them, that must accept TCP connections through its published host port; each must be published in {@code <ports>}.
         *
         * @since 0.1.0
         */
        String tcp;

        /**
         * An HTTP request, through the published host port, that must answer with an accepted status.
         *
         * @since 0.1.0
         */
        Http http;

        /**
         * {@code true}: the engine must report the container healthy.
         *
         * @since 0.1.0
         */
        Boolean healthy;

        /**
         * The exit code the container must end with (one-shot jobs such as migrations).
         *
         * @since 0.1.0
         */
        Integer exit;

        /**
         * How long all conditions together may take, as a duration ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1m30s}); default {@code 60s}.
         *
         * @since 0.1.0
         */
        String timeout;
    }

    /** The {@code <http>} element of {@code <wait>}. */
    public static class Http {
        /**
         * The container port to send the request to; it must be published in {@code <ports>}.
         *
         * @since 0.1.0
         */
        Integer port;

        /**
         * The request path; default {@code /}.
         *
         * @since 0.1.0
         */
        String path;

        /**
         * The accepted status, {@code 200} or a range {@code 200..399} (default).
         *
         * @since 0.1.0
         */
        String status;

        /**
         * The request method; default {@code GET}.
         *
         * @since 0.1.0
         */
        String method;
    }
}
