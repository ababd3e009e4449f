package io.github.dockmaven.core;

import java.util.Locale;
import java.util.Set;

/** Linux capabilities as {@code docker run --cap-add} takes them: {@code NET_ADMIN}, {@code CAP_NET_ADMIN}, {@code ALL}. */
public final class Capabilities {

    /** capabilities(7), and ALL. */
    private static final Set<String> KNOWN = Set.of(
            "ALL",
            "AUDIT_CONTROL",
            "AUDIT_READ",
            "AUDIT_WRITE",
            "BLOCK_SUSPEND",
            "BPF",
            "CHECKPOINT_RESTORE",
            "CHOWN",
            "DAC_OVERRIDE",
            "DAC_READ_SEARCH",
            "FOWNER",
            "FSETID",
            "IPC_LOCK",
            "IPC_OWNER",
            "KILL",
            "LEASE",
            "LINUX_IMMUTABLE",
            "MAC_ADMIN",
            "MAC_OVERRIDE",
            "MKNOD",
            "NET_ADMIN",
            "NET_BIND_SERVICE",
            "NET_BROADCAST",
            "NET_RAW",
            "PERFMON",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_ADMIN",
            "SYS_BOOT",
            "SYS_CHROOT",
            "SYSLOG",
            "SYS_MODULE",
            "SYS_NICE",
            "SYS_PACCT",
            "SYS_PTRACE",
            "SYS_RAWIO",
            "SYS_RESOURCE",
            "SYS_TIME",
            "SYS_TTY_CONFIG",
            "WAKE_ALARM");

    private Capabilities() {}

    /**
     * The capability's name without {@code CAP_}, in upper case; throws {@link IllegalArgumentException} when it is
     * not a Linux capability.
     */
    public static String parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        name = name.startsWith("CAP_") ? name.substring(4) : name;
        if (!KNOWN.contains(name)) {
            throw new IllegalArgumentException(
                    "it is not a Linux capability (see capabilities(7)), such as NET_ADMIN" + " or SYS_TIME, nor ALL");
        }
        return name;
    }
}
