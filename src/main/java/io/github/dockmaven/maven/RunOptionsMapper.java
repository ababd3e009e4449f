package io.github.dockmaven.maven;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ByteSize;
import io.github.dockmaven.core.Capabilities;
import io.github.dockmaven.core.Cpus;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.EnvFile;
import io.github.dockmaven.core.ExtraHost;
import io.github.dockmaven.core.Healthcheck;
import io.github.dockmaven.core.Platform;
import io.github.dockmaven.core.RunOptions;
import io.github.dockmaven.core.TmpfsMount;
import io.github.dockmaven.core.Ulimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * {@link ConfigMapper}'s part for the run options of a {@code <container>} ({@code <memory>}, {@code <ulimits>},
 * {@code <healthcheck>}, ...) and its {@code <envFile>}. The core's value types parse each value; a value they refuse
 * becomes a {@link BuildFailure} naming the container, the element, the value and the form it should have.
 */
final class RunOptionsMapper {

    /** The engine refuses a smaller memory limit. */
    private static final long MIN_MEMORY = 6L * 1024 * 1024;

    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern USER = Pattern.compile("[^:\\s]+(?::[^:\\s]+)?");

    private RunOptionsMapper() {}

    /**
     * The container's environment: the lines of its {@code <envFile>}, then its {@code <env>}, which wins for a name in
     * both.
     *
     * @param environment the build's environment, for env-file lines that hold a name only
     */
    static Map<String, String> environment(String where, Container c, Path baseDir, UnaryOperator<String> environment) {
        Map<String, String> env = new LinkedHashMap<>();
        if (c.envFile != null) {
            Path file = baseDir.resolve(c.envFile.toPath()).normalize();
            try {
                env.putAll(EnvFile.read(file, environment));
            } catch (IllegalArgumentException e) {
                throw new BuildFailure(where + ": <envFile>" + file + "</envFile> cannot be used: " + e.getMessage()
                        + ". Write one NAME=value per line (Docker's env-file format), or fix the path (relative to"
                        + " the project).");
            }
        }
        if (c.env != null) {
            c.env.forEach((name, value) -> env.put(name, value == null ? "" : value));
        }
        return env;
    }

    /** The run options of {@code c}, checked; {@code networks} are those it joins (empty: the build's network). */
    static RunOptions map(String where, Container c, List<String> networks) {
        List<TmpfsMount> tmpfs = each(where, "mount", c.tmpfs, TmpfsMount::parse, "a tmpfs mount");
        Set<String> tmpfsPaths = new HashSet<>();
        for (TmpfsMount mount : tmpfs) {
            if (!tmpfsPaths.add(mount.path())) {
                throw new BuildFailure(where + ": <tmpfs> mounts " + mount.path() + " twice. Keep one <mount> for it.");
            }
        }
        ByteSize memory = one(where, "memory", c.memory, ByteSize::parse, "a size");
        ByteSize memorySwap = one(where, "memorySwap", c.memorySwap, ByteSize::parse, "a size");
        checkMemory(where, c, memory, memorySwap);
        List<String> networkAliases = each(where, "alias", c.networkAliases, RunOptionsMapper::dnsName, "a DNS name");
        if (!networkAliases.isEmpty()
                && networks.size() == 1
                && (networks.get(0).equals("host") || networks.get(0).equals("none"))) {
            throw new BuildFailure(where + ": <networkAliases> need a network, but the container runs with the"
                    + " network '" + networks.get(0) + "'. Remove <networkAliases>, or <network>.");
        }
        return new RunOptions(
                tmpfs,
                memory,
                memorySwap,
                one(where, "shmSize", c.shmSize, ByteSize::parse, "a size"),
                one(where, "cpus", c.cpus, Cpus::parse, "a number of CPUs"),
                each(where, "ulimit", c.ulimits, Ulimit::parse, "a resource limit"),
                Boolean.TRUE.equals(c.privileged),
                Boolean.TRUE.equals(c.init),
                Boolean.TRUE.equals(c.readOnly),
                each(where, "capAdd><cap", c.capAdd, Capabilities::parse, "a capability"),
                each(where, "capDrop><cap", c.capDrop, Capabilities::parse, "a capability"),
                each(where, "host", c.extraHosts, ExtraHost::parse, "a host entry"),
                one(where, "platform", c.platform, Platform::parse, "a platform"),
                one(where, "hostname", c.hostname, RunOptionsMapper::dnsName, "a host name"),
                one(where, "user", c.user, RunOptionsMapper::user, "a user"),
                one(where, "workingDir", c.workingDir, RunOptionsMapper::absolutePath, "a working directory"),
                networkAliases,
                healthcheck(where, c.healthcheck),
                // <container> has no stop signal: the image's applies
                null);
    }

    private static void checkMemory(String where, Container c, ByteSize memory, ByteSize memorySwap) {
        if (memory != null && memory.bytes() < MIN_MEMORY) {
            throw new BuildFailure(where + ": <memory>" + c.memory.trim() + "</memory> is below 6m, the least the"
                    + " engine allows. Give it 6m or more.");
        }
        if (memorySwap != null && memory == null) {
            throw new BuildFailure(where + ": <memorySwap>" + c.memorySwap.trim() + "</memorySwap> limits memory and"
                    + " swap together, so it needs <memory> too. Add <memory>, e.g. <memory>512m</memory>.");
        }
        if (memorySwap != null && memorySwap.bytes() < memory.bytes()) {
            throw new BuildFailure(where + ": <memorySwap>" + c.memorySwap.trim() + "</memorySwap> is below <memory>"
                    + c.memory.trim() + "</memory>, but it counts memory and swap together. Make it at least as"
                    + " much as <memory>.");
        }
    }

    private static Healthcheck healthcheck(String where, Container.Healthcheck h) {
        if (h == null) {
            return null;
        }
        String element = "healthcheck><";
        List<String> test = h.test == null || h.test.isBlank() ? null : Healthcheck.test(h.test);
        Integer retries = one(where, element + "retries", h.retries, RunOptionsMapper::retries, "a number of retries");
        return new Healthcheck(
                test,
                one(where, element + "interval", h.interval, RunOptionsMapper::checkDuration, "a duration"),
                one(where, element + "timeout", h.timeout, RunOptionsMapper::checkDuration, "a duration"),
                retries,
                one(where, element + "startPeriod", h.startPeriod, RunOptionsMapper::checkDuration, "a duration"));
    }

    private static Duration checkDuration(String text) {
        return Healthcheck.checkDuration(Durations.parse(text));
    }

    private static Integer retries(String text) {
        if (!text.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("expected a whole number, 0 or more, such as 3");
        }
        return Integer.valueOf(text);
    }

    private static String dnsName(String text) {
        if (!DNS_NAME.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "use letters, digits, '_', '.' and '-', starting with a letter or" + " digit");
        }
        return text;
    }

    private static String user(String text) {
        if (!USER.matcher(text).matches()) {
            throw new IllegalArgumentException("expected name, uid, name:group or uid:gid, such as 1000:1000");
        }
        return text;
    }

    private static String absolutePath(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("it must be an absolute path in the container, such as /work");
        }
        return text;
    }

    /** The value of one element, or null when it is not given. */
    private static <T> T one(String where, String element, String text, Function<String, T> parser, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return parse(where, element, text.trim(), parser, what);
    }

    /** The values of a list's elements, each named {@code <element>}, blank ones skipped. */
    private static <T> List<T> each(
            String where, String element, List<String> texts, Function<String, T> parser, String what) {
        List<T> values = new ArrayList<>();
        if (texts != null) {
            for (String text : texts) {
                if (text != null && !text.isBlank()) {
                    values.add(parse(where, element, text.trim(), parser, what));
                }
            }
        }
        return List.copyOf(values);
    }

    private static <T> T parse(String where, String element, String text, Function<String, T> parser, String what) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new BuildFailure(where + ": <" + element + ">" + text + "</" + element.replaceAll(".*<", "")
                    + "> is not " + what + ": " + e.getMessage() + ".");
        }
    }
}
