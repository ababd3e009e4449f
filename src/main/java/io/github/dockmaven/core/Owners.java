package io.github.dockmaven.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether the Maven process that created a resource is still alive, from its {@link Labels#OWNER} label
 * ({@code host/pid}) and, when present, its {@link Labels#OWNER_PROCESS} label. A resource of another host cannot be
 * judged and counts as alive, so we never touch it; so does one of another pid namespace on a host of the same name
 * (a build in a container that shares the host's name, such as one on the host network).
 */
public final class Owners {

    private static final String THIS_HOST = hostName();
    private static final String THIS_NAMESPACE = pidNamespace();

    private Owners() {}

    /** The owner label for this process. */
    public static String self() {
        return THIS_HOST + "/" + ProcessHandle.current().pid();
    }

    /** The {@link Labels#OWNER_PROCESS} label for this process: {@code <pid namespace>@<start, epoch seconds>}. */
    public static String selfProcess() {
        return THIS_NAMESPACE
                + "@"
                + ProcessHandle.current()
                        .info()
                        .startInstant()
                        .map(i -> Long.toString(i.getEpochSecond()))
                        .orElse("");
    }

    /** Whether the owner process of a resource with these labels may still be running. */
    public static boolean isAlive(Map<String, String> labels) {
        String owner = labels.get(Labels.OWNER);
        if (owner == null) {
            return false;
        }
        int slash = owner.lastIndexOf('/');
        if (slash < 0 || !owner.substring(0, slash).equals(THIS_HOST)) {
            return true;
        }
        String process = labels.getOrDefault(Labels.OWNER_PROCESS, "");
        int at = process.lastIndexOf('@');
        String namespace = at < 0 ? "" : process.substring(0, at);
        if (!namespace.isEmpty() && !THIS_NAMESPACE.isEmpty() && !namespace.equals(THIS_NAMESPACE)) {
            return true;
        }
        long pid;
        try {
            pid = Long.parseLong(owner.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !isRunning(handle.get())) {
            return false;
        }
        Optional<Instant> started = handle.get().info().startInstant();
        if (at >= 0 && started.isPresent()) {
            try {
                long labelled = Long.parseLong(process.substring(at + 1));
                // a process started at another time merely reuses the pid: the owner is gone
                return Math.abs(started.get().getEpochSecond() - labelled) <= 1;
            } catch (NumberFormatException unknownStart) {
                return true;
            }
        }
        return true;
    }

    /**
     * Whether a process runs: alive and not a zombie. A killed process whose parent has not reaped it yet is a zombie,
     * which {@link ProcessHandle#isAlive()} still counts as alive.
     */
    public static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            return !isZombie(Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat")));
        } catch (IOException | RuntimeException noProcFileSystem) {
            return process.isAlive();
        }
    }

    /** Whether a line of {@code /proc/<pid>/stat} ({@code 4242 (java) S 1 ...}) is a zombie's. */
    static boolean isZombie(String stat) {
        // the state follows the command name, which is in parentheses and may itself hold spaces or parentheses
        int end = stat.lastIndexOf(')');
        return end >= 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The pid namespace of this process on Linux, e.g. {@code pid:[4026531836]}; empty elsewhere. */
    private static String pidNamespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        } catch (IOException | RuntimeException notLinux) {
            return "";
        }
    }
}
