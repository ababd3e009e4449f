package io.github.dockmaven.compose;

import io.github.dockmaven.core.ByteSize;
import io.github.dockmaven.core.TmpfsMount;
import io.github.dockmaven.core.VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code volumes}, short syntax ({@code source:target[:mode]}, {@code target}) and long syntax ({@code
 * type} volume, bind or tmpfs), checked against the top-level {@code volumes}.
 *
 * <p>A named volume must be declared at the top level, as compose requires. One declared {@code external: true} is
 * mounted by its real name ({@code name:}, else its key) and never created nor removed; any other is the build's own,
 * created, labelled and removed with it like a {@code <volume>name:/path</volume>}, so parallel builds never share
 * it. An anonymous volume (a target alone) becomes such a volume of the build too, named after the service and its
 * place in the list: removed with the build rather than left behind as the engine leaves anonymous volumes.
 */
final class Volumes {

    private static final String SHORT_FORM = "Write source:target[:ro|rw], with a declared volume name or a path"
            + " starting with ., / or ~ as the source, such as data:/var/lib/data or ./conf:/etc/app:ro";
    private static final Set<String> MODES_WITHOUT_EFFECT = Set.of("rw", "cached", "delegated", "consistent");
    private static final Set<String> LONG_KEYS =
            Set.of("type", "source", "target", "read_only", "tmpfs", "bind", "consistency");
    /**
     * {@code docker compose config} writes {@code create_host_path: true} for every bind; accepted, but a missing host
     * path is not created: the start fails naming it, before any container is created.
     */
    private static final Set<String> BIND_KEYS = Set.of("create_host_path");

    private static final Set<String> TMPFS_KEYS = Set.of("size", "mode");
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("external", "name", "driver", "labels");

    private final ComposeModel model;
    private final ComposeService service;

    /** The mounts of one service: volumes and binds, and the tmpfs mounts given as {@code type: tmpfs}. */
    record Mounts(List<VolumeMount> volumes, List<TmpfsMount> tmpfs) {}

    private Volumes(ComposeModel model, ComposeService service) {
        this.model = model;
        this.service = service;
    }

    static Mounts of(ComposeModel model, ComposeService service) {
        return new Volumes(model, service).read();
    }

    private Mounts read() {
        List<VolumeMount> volumes = new ArrayList<>();
        List<TmpfsMount> tmpfs = new ArrayList<>();
        Node list = Node.of(service, "volumes");
        if (list.isAbsent()) {
            return new Mounts(volumes, tmpfs);
        }
        List<Node> entries = list.list();
        for (int i = 0; i < entries.size(); i++) {
            Node entry = entries.get(i);
            if (entry.isMap()) {
                longSyntax(entry, i, volumes, tmpfs);
            } else {
                volumes.add(shortSyntax(entry, i));
            }
        }
        return new Mounts(volumes, tmpfs);
    }

    private VolumeMount shortSyntax(Node entry, int index) {
        String[] parts = entry.text().split(":", -1);
        if (parts.length == 1) {
            return anonymous(index, target(entry, parts[0]), false);
        }
        if (parts.length > 3 || parts[0].isEmpty()) {
            throw entry.invalid("is not a volume. " + SHORT_FORM);
        }
        boolean readOnly = parts.length == 3 && readOnly(entry, parts[2]);
        return mount(entry, parts[0], target(entry, parts[1]), readOnly);
    }

    private void longSyntax(Node entry, int index, List<VolumeMount> volumes, List<TmpfsMount> tmpfs) {
        entry.map(LONG_KEYS);
        Node type = entry.get("type");
        if (type.isAbsent()) {
            throw entry.fail("has no 'type'. Add type: volume, bind or tmpfs.");
        }
        Node targetNode = entry.get("target");
        if (targetNode.isAbsent()) {
            throw entry.fail("has no 'target', the path in the container. Add target: /path.");
        }
        String target = target(targetNode, targetNode.text());
        boolean readOnly = entry.get("read_only").boolOr(false);
        Node source = entry.get("source");
        switch (type.text()) {
            case "volume" ->
                volumes.add(
                        source.isAbsent()
                                ? anonymous(index, target, readOnly)
                                : named(source, source.text(), target, readOnly));
            case "bind" -> {
                if (source.isAbsent()) {
                    throw entry.fail("has type bind but no 'source'. Add source: ./host/path.");
                }
                Node options = entry.get("bind");
                if (!options.isAbsent()) {
                    options.map(BIND_KEYS);
                    options.get("create_host_path").boolOr(true);
                }
                volumes.add(bind(source, source.text(), target, readOnly));
            }
            case "tmpfs" -> tmpfs.add(new TmpfsMount(target, tmpfsOptions(entry.get("tmpfs"))));
            default -> throw type.invalid("is not a volume type this plugin supports; use volume, bind or tmpfs");
        }
    }

    private static String tmpfsOptions(Node options) {
        if (options.isAbsent()) {
            return "";
        }
        Map<String, Node> keys = options.map(TMPFS_KEYS);
        List<String> parts = new ArrayList<>();
        if (keys.containsKey("size")) {
            parts.add("size=" + options.get("size").parse(ByteSize::parse).bytes());
        }
        if (keys.containsKey("mode")) {
            Node mode = options.get("mode");
            // YAML reads 01777 as the number 1777 (YAML 1.2 has no octal without 0o), which is what mount(8) means.
            String octal = mode.text().replaceFirst("^0o", "");
            if (!octal.matches("[0-7]{3,4}")) {
                throw mode.invalid("is not a file mode; write it in octal, such as 1777");
            }
            parts.add("mode=" + octal);
        }
        return String.join(",", parts);
    }

    private static boolean readOnly(Node entry, String modes) {
        boolean readOnly = false;
        for (String mode : modes.split(",")) {
            if (mode.equals("ro")) {
                readOnly = true;
            } else if (!MODES_WITHOUT_EFFECT.contains(mode)) {
                throw entry.invalid("has the mode '" + mode + "', which this plugin does not support; use ro or rw");
            }
        }
        return readOnly;
    }

    private static String target(Node entry, String target) {
        if (!target.startsWith("/")) {
            throw entry.invalid("has the container path '" + target + "', which is not absolute. " + SHORT_FORM);
        }
        return target;
    }

    private VolumeMount mount(Node entry, String source, String target, boolean readOnly) {
        boolean path = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        return path ? bind(entry, source, target, readOnly) : named(entry, source, target, readOnly);
    }

    /**
     * A bind of a host path that must exist: the plugin creates no folders on the host (docker compose would create an
     * empty one, which a test would then run against).
     */
    private VolumeMount bind(Node entry, String source, String target, boolean readOnly) {
        Path path = (source.equals("~") || source.startsWith("~/")
                        ? Path.of(System.getProperty("user.home") + source.substring(1))
                        : model.directory().resolve(source))
                .normalize();
        if (!Files.exists(path)) {
            throw entry.invalid("binds the host path " + path + ", which does not exist. Create it, or fix the path"
                    + " (relative to the folder of the first compose file)");
        }
        return new VolumeMount(false, path.toString(), target, readOnly);
    }

    private VolumeMount named(Node entry, String name, String target, boolean readOnly) {
        if (!model.volumes().containsKey(name)) {
            throw entry.invalid("mounts the volume '" + name + "', which the top-level volumes do not declare."
                    + " Declare it (volumes: {" + name + ": {}}), or start a host path with ./ to bind a folder");
        }
        Node declared =
                Node.at(service, "top-level volumes." + name, model.volumes().get(name));
        declared.map(TOP_LEVEL_KEYS);
        Node driver = declared.get("driver");
        if (!driver.isAbsent() && !driver.text().equals("local")) {
            throw driver.invalid("is not supported: the build's volumes use the engine's local driver");
        }
        if (declared.get("external").boolOr(false)) {
            return new VolumeMount(true, declared.get("name").textOr(name), target, readOnly, true);
        }
        return new VolumeMount(true, name, target, readOnly);
    }

    private VolumeMount anonymous(int index, String target, boolean readOnly) {
        return new VolumeMount(true, service.name() + "-anonymous-" + index, target, readOnly);
    }
}
