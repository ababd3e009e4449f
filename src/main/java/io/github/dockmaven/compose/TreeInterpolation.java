package io.github.dockmaven.compose;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interpolates every string value of one compose file, keys left as written, as compose does before it merges the
 * file with the others. A failure names the file and where in it the value stands ({@code
 * services.db.environment.POSTGRES_PASSWORD}); variables used without a value are warned about once each.
 */
final class TreeInterpolation {

    private final String file;
    private final String dotEnv;
    private final Set<String> unset = new LinkedHashSet<>();
    private final Interpolation interpolation;

    /**
     * @param file the file as messages name it
     * @param dotEnv the {@code .env} file that could set a variable, as messages name it
     */
    TreeInterpolation(String file, Map<String, String> variables, String dotEnv) {
        this.file = file;
        this.dotEnv = dotEnv;
        this.interpolation = new Interpolation(variables, unset::add);
    }

    /** A copy of the document with its values interpolated. */
    @SuppressWarnings("unchecked")
    Map<String, Object> apply(Map<String, Object> document, Console console) {
        Map<String, Object> interpolated = (Map<String, Object>) value(document, "");
        for (String name : unset) {
            console.warn("Compose file " + file + ": the variable " + name + " is not set, so an empty string is"
                    + " used, as docker compose does. Set it in the environment or in " + dotEnv + ".");
        }
        return interpolated;
    }

    private Object value(Object value, String path) {
        if (value instanceof MergeTags.Override override) {
            return new MergeTags.Override(value(override.value(), path));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> interpolated = new LinkedHashMap<>();
            map.forEach((key, entry) ->
                    interpolated.put((String) key, value(entry, path.isEmpty() ? (String) key : path + "." + key)));
            return interpolated;
        }
        if (value instanceof List<?> list) {
            List<Object> interpolated = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                interpolated.add(value(list.get(i), path + "[" + i + "]"));
            }
            return interpolated;
        }
        if (value instanceof String text) {
            try {
                return interpolation.apply(text);
            } catch (Interpolation.MissingVariable e) {
                throw new BuildFailure("Compose file " + file + ", " + path + ": " + e.getMessage()
                        + ". Set it in the environment or in " + dotEnv + ".");
            } catch (Interpolation.InvalidReference e) {
                throw new BuildFailure("Compose file " + file + ", " + path + ": " + e.getMessage() + ".");
            }
        }
        return value;
    }
}
