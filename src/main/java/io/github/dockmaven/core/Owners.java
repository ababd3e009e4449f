package io.github.dockmaven.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Tells whether the Maven process that created a resource is still alive, from its {@link Labels#OWNER} label
 * ({@code host/pid}). A resource of another host cannot be judged and counts as alive, so we never touch it.
 */
public final class Owners {

    private static final String THIS_HOST = hostName();

    private Owners() {}

    /** The owner label for this process. */
    public static String self() {
        return THIS_HOST + "/" + ProcessHandle.current().pid();
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
        try {
            long pid = Long.parseLong(owner.substring(slash + 1));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
