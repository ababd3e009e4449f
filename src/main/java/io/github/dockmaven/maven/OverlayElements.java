package io.github.dockmaven.maven;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The elements a {@code <container>} that adds to a compose service (an overlay: it has the service's name and neither
 * {@code <image>} nor {@code <build>}) may set: what happens around the service's start and stop, which a compose file
 * cannot say. Everything else describes the container itself and belongs in the compose file.
 */
final class OverlayElements {

    static final List<String> ALLOWED = List.of(
            "wait", "stopMode", "stopTimeout", "postStart", "preStop", "copyIn", "copyOut", "reuse", "dependsOn");

    private OverlayElements() {}

    /**
     * The first element of {@code c}, in {@link Container}'s order, that is set although an overlay may not set it. The
     * fields are read by reflection, so that an element added to {@code <container>} later is refused here too until
     * it is deliberately allowed.
     */
    static Optional<String> firstSetOutside(Container c) {
        for (Field field : Container.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    || field.isSynthetic()
                    || field.getName().equals("alias")
                    || ALLOWED.contains(field.getName())) {
                continue;
            }
            if (isSet(read(field, c))) {
                return Optional.of(field.getName());
            }
        }
        return Optional.empty();
    }

    /** The allowed elements for a message: {@code <wait>, <stopMode>, … and <dependsOn>}. */
    static String describe() {
        List<String> elements = ALLOWED.stream().map(e -> "<" + e + ">").toList();
        return elements.subList(0, elements.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
                + elements.get(elements.size() - 1);
    }

    private static Object read(Field field, Container c) {
        try {
            return field.get(c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Container's fields are package-private: " + field, e);
        }
    }

    private static boolean isSet(Object value) {
        if (value instanceof String s) {
            return !s.isBlank();
        }
        if (value instanceof Collection<?> list) {
            return !list.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return value != null;
    }
}
