package io.github.dockmaven.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the containers of two plans of one execution differ: what a container started early was started with, against
 * what {@code run} reads when its turn comes (a property may have been set in between). Compared field by field, a
 * regex by its text and flags, so that the answer names what changed.
 */
public final class PlanDifferences {

    private PlanDifferences() {}

    /**
     * The differences between {@code before} and {@code now}, one line each ({@code 'db' differs (env, ports)},
     * {@code 'cache' is new}, {@code 'old' is gone}); empty when they start the same containers the same way.
     */
    public static List<String> between(Plan before, Plan now) {
        List<String> differences = new ArrayList<>();
        for (ContainerSpec spec : now.containers()) {
            ContainerSpec earlier = before.get(spec.alias());
            if (earlier == null) {
                differences.add("'" + spec.alias() + "' is new");
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (RecordComponent component : ContainerSpec.class.getRecordComponents()) {
                if (!same(value(component, earlier), value(component, spec))) {
                    fields.add(component.getName());
                }
            }
            if (!fields.isEmpty()) {
                differences.add("'" + spec.alias() + "' differs (" + String.join(", ", fields) + ")");
            }
        }
        for (ContainerSpec spec : before.containers()) {
            if (now.get(spec.alias()) == null) {
                differences.add("'" + spec.alias() + "' is gone");
            }
        }
        return differences;
    }

    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Pattern p && b instanceof Pattern q) {
            return p.pattern().equals(q.pattern()) && p.flags() == q.flags();
        }
        if (a instanceof List<?> l && b instanceof List<?> m) {
            return sameElements(l.iterator(), m.iterator(), l.size() == m.size());
        }
        if (a instanceof Map<?, ?> l && b instanceof Map<?, ?> m) {
            return l.keySet().equals(m.keySet())
                    && l.entrySet().stream().allMatch(e -> same(e.getValue(), m.get(e.getKey())));
        }
        if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
            for (RecordComponent component : a.getClass().getRecordComponents()) {
                if (!same(value(component, a), value(component, b))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean sameElements(Iterator<?> a, Iterator<?> b, boolean sameSize) {
        if (!sameSize) {
            return false;
        }
        while (a.hasNext()) {
            if (!same(a.next(), b.next())) {
                return false;
            }
        }
        return true;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
