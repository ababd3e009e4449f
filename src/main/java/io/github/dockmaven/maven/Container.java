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
     * The image to run, {@code name[:tag]} or {@code name@digest}; required unless {@code build} is given, or the
     * alias is a compose service's name: the container then adds its {@code wait}, {@code stopMode}, {@code
     * stopTimeout}, {@code postStart}, {@code preStop}, {@code copyIn}, {@code copyOut} and {@code dependsOn} to
     * that service, and may set nothing else.
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

    // ---- run options (docker run's options), mapped by RunOptionsMapper

    /**
     * A file of {@code NAME=value} lines in Docker's env-file format, relative to the project, added to the environment; {@code <env>} wins over it for a name in both.
     *
     * @since 0.1.0
     */
    File envFile;

    /**
     * tmpfs mounts, each {@code <mount>/path[:options]</mount>}, e.g. {@code <mount>/run:size=64m</mount>}.
     *
     * @since 0.1.0
     */
    List<String> tmpfs;

    /**
     * The memory limit, as a size: bytes, or a number with the unit {@code k}, {@code m}, {@code g} ({@code 512m}); default: no limit.
     *
     * @since 0.1.0
     */
    String memory;

    /**
     * The limit of memory and swap together, as a size ({@code 1g}); needs {@code <memory>}, and is at least as much.
     *
     * @since 0.1.0
     */
    String memorySwap;

    /**
     * The size of {@code /dev/shm}, as a size ({@code 256m}); default: the engine's ({@code 64m}).
     *
     * @since 0.1.0
     */
    String shmSize;

    /**
     * How many CPUs the container may use, a decimal number ({@code 1.5}); default: no limit.
     *
     * @since 0.1.0
     */
    String cpus;

    /**
     * Resource limits, each {@code <ulimit>name=soft[:hard]</ulimit>}, e.g. {@code <ulimit>nofile=65536:65536</ulimit>}.
     *
     * @since 0.1.0
     */
    List<String> ulimits;

    /**
     * {@code true}: run the container privileged; default {@code false}.
     *
     * @since 0.1.0
     */
    Boolean privileged;

    /**
     * {@code true}: run the engine's init as PID 1, so that a command that ignores SIGTERM still stops at once; default {@code false}.
     *
     * @since 0.1.0
     */
    Boolean init;

    /**
     * {@code true}: mount the container's root file system read-only; default {@code false}.
     *
     * @since 0.1.0
     */
    Boolean readOnly;

    /**
     * Linux capabilities to add, each {@code <cap>NET_ADMIN</cap>}.
     *
     * @since 0.1.0
     */
    List<String> capAdd;

    /**
     * Linux capabilities to drop, each {@code <cap>MKNOD</cap>}.
     *
     * @since 0.1.0
     */
    List<String> capDrop;

    /**
     * Lines for the container's {@code /etc/hosts}, each {@code <host>name:address</host>}; the address {@code host-gateway} means the engine's host.
     *
     * @since 0.1.0
     */
    List<String> extraHosts;

    /**
     * The platform, {@code os/arch[/variant]} ({@code linux/amd64}), of the image pulled and of the container; default: the engine's.
     *
     * @since 0.1.0
     */
    String platform;

    /**
     * The host name inside the container; default: the engine's (the short container id).
     *
     * @since 0.1.0
     */
    String hostname;

    /**
     * The user the command runs as, {@code name|uid[:group|gid]}; default: the image's.
     *
     * @since 0.1.0
     */
    String user;

    /**
     * The working directory of the command, an absolute path in the container; default: the image's.
     *
     * @since 0.1.0
     */
    String workingDir;

    /**
     * More DNS names of the container on the build's network (or the networks it joins), each {@code <alias>}, besides its {@code <alias>}.
     *
     * @since 0.1.0
     */
    List<String> networkAliases;

    /**
     * A health check replacing the image's {@code HEALTHCHECK}; with no {@code <wait>}, the container is then waited for until healthy.
     *
     * @since 0.1.0
     */
    Healthcheck healthcheck;
    /**
     * Builds the image from a Dockerfile before the container runs, through the engine's API; {@code <image>} is then
     * optional and names the tag the built image gets (default: {@code dock/<artifactId>-<alias>:latest}).
     *
     * @since 0.1.0
     */
    Build build;
    // ---- commands inside the container, files in and out (issue 11)

    /**
     * Commands run inside the container, in order, once its {@code <wait>} holds, each an {@code <exec>}: one string
     * split like a shell splits words, or a list of {@code <arg>}; run without a shell. The container counts as ready,
     * and its dependents start, only when every command exited 0; otherwise {@code run} fails and removes what it
     * created. Their output goes to the container's log, each line starting with {@code [exec]}. Default: none.
     *
     * @since 0.1.0
     */
    List<Args> postStart;

    /**
     * Commands run inside the container, in order, before {@code stop} stops it, each an {@code <exec>} as in {@code
     * postStart}. A command that fails is a warning; the stop goes on. Not run when the container is killed by the
     * shutdown hook or the watchdog. Default: none.
     *
     * @since 0.1.0
     */
    List<Args> preStop;

    /**
     * Host files or folders copied into the container after it is created and before it starts, each an {@code
     * <entry>} with {@code <from>} (relative to the project; must exist) and {@code <to>} (a container path; ending in
     * {@code /}, a folder to copy into, created if missing; otherwise the path the copy gets). Default: none.
     *
     * @since 0.1.0
     */
    List<Copy> copyIn;

    /**
     * Container files or folders copied to the host by {@code stop}, after the container stopped and before it is
     * removed (also when the tests failed), each an {@code <entry>} with {@code <from>} (a container path) and {@code
     * <to>} (relative to the project, e.g. {@code target/server-logs/}; ending in {@code /}, a folder to copy into;
     * otherwise the path the copy gets). A path the container does not have is a warning. Default: none.
     *
     * @since 0.1.0
     */
    List<Copy> copyOut;

    /**
     * {@code true}: keep the container running after the build and use it again in the next build of the project
     * whose configuration of it is the same (image id, command, environment, ports, mounts, ...; a change of any
     * replaces it), so that a local edit-test loop skips its start and wait. Only on a machine that enabled reuse
     * ({@code dock.reuse}); elsewhere, such as on CI, it is removed after the build like any other. Its {@code
     * postStart} runs once, when it is created; {@code mvn dock:remove} removes it. Default {@code false}.
     *
     * @since 0.1.0
     */
    Boolean reuse;

    /** One {@code <entry>} of {@code <copyIn>} or {@code <copyOut>}. */
    public static class Copy {
        /**
         * What is copied: for {@code copyIn} a host path relative to the project, for {@code copyOut} a container path.
         *
         * @since 0.1.0
         */
        String from;

        /**
         * Where it goes: for {@code copyIn} a container path, for {@code copyOut} a host path relative to the project;
         * ending in {@code /}, a folder to copy into, where the copy keeps its name.
         *
         * @since 0.1.0
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

    /** The {@code <healthcheck>} element. */
    public static class Healthcheck {
        /**
         * The check, run by a shell in the container ({@code CMD-SHELL}); exit 0 means healthy. {@code NONE} turns the image's check off. Default: the image's.
         *
         * @since 0.1.0
         */
        String test;

        /**
         * The time between checks, as a duration ({@code 1s}, {@code 500ms}); default: the image's, else 30s.
         *
         * @since 0.1.0
         */
        String interval;

        /**
         * How long one check may take, as a duration; default: the image's, else 30s.
         *
         * @since 0.1.0
         */
        String timeout;

        /**
         * How many failed checks in a row make the container unhealthy; default: the image's, else 3.
         *
         * @since 0.1.0
         */
        String retries;

        /**
         * How long after the start failed checks do not count yet, as a duration; default: the image's, else 0s.
         *
         * @since 0.1.0
         */
        String startPeriod;
    }
}
