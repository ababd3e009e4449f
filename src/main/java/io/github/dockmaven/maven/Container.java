package io.github.dockmaven.maven;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * One {@code <container>} of the POM, as Maven binds it. {@link ConfigMapper} checks it and turns it into the core's
 * {@code ContainerSpec}; nothing else reads it.
 */
public class Container {

    /** Required, unique in the POM, {@code [a-z0-9][a-z0-9_.-]*}: names the container everywhere. */
    String alias;

    /** Required: {@code name[:tag]} or {@code name@digest}. */
    String image;

    /** A fixed container name; default: a name unique to this build. */
    String name;

    /** {@code missing} (default), {@code always} or {@code never}. */
    String pullPolicy;

    /** A {@code docker save} tarball to load the image from when it is not present. */
    File archive;

    /** The command: one string split like a shell splits words, or a list of {@code <arg>}. */
    Args command;

    /** The entrypoint: one string split like a shell splits words, or a list of {@code <arg>}. */
    Args entrypoint;

    /** Environment variables. */
    Map<String, String> env;

    /** Labels, besides the ones this plugin sets. */
    Map<String, String> labels;

    /** {@code <port>8080</port>}, {@code <port>18080:8080</port>}, optionally with {@code /udp}. */
    List<String> ports;

    /** {@code <volume>name:/path</volume>} or {@code <volume>host/path:/path[:ro]</volume>}. */
    List<String> volumes;

    /** Aliases that must be started and ready before this container starts. */
    List<String> dependsOn;

    /** One network to join instead of the build's own network: a network name, {@code host} or {@code none}. */
    String network;

    /** Several networks to join instead of the build's own network. */
    List<String> networks;

    /** Readiness conditions. */
    Wait wait;

    /** {@code stop} (default: SIGTERM, then SIGKILL after {@code stopTimeout}) or {@code kill}. */
    String stopMode;

    /** The grace period before SIGKILL, e.g. {@code 3s} (default), {@code 500ms}, {@code 1m}. */
    String stopTimeout;

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
        /** A Java regex one output line must contain a match of. */
        String log;

        /** A container port, or a comma list of them, that must accept TCP connections. */
        String tcp;

        /** An HTTP request that must answer with an accepted status. */
        Http http;

        /** {@code true}: the engine must report the container healthy. */
        Boolean healthy;

        /** The container must exit with this code (one-shot jobs). */
        Integer exit;

        /** How long all conditions together may take; default {@code 60s}. */
        String timeout;
    }

    /** The {@code <http>} element of {@code <wait>}. */
    public static class Http {
        /** The container port. */
        Integer port;

        /** The request path; default {@code /}. */
        String path;

        /** The accepted status, {@code 200} or a range {@code 200..399} (default). */
        String status;

        /** The request method; default {@code GET}. */
        String method;
    }
}
