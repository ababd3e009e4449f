package io.github.dockmaven.maven;

/**
 * How a configuration source writes an element and its value, so that an error names what the user typed: the POM's
 * {@code <wait><log>x</log>}, or the command line's {@code -Ddock.wait.log=x}. Elements are named by their XML path
 * ({@code wait/log}); {@link ConfigMapper} words every message once, for both sources.
 */
enum Spelling {

    /** {@code <container>} elements of the POM. */
    XML {
        @Override
        String of(String element, String value) {
            return name(element) + value + "</" + last(element) + ">";
        }

        @Override
        String name(String element) {
            return "<" + element.replace("/", "><") + ">";
        }

        @Override
        String container(int index) {
            return "The " + ConfigMapper.ordinal(index) + " <container>";
        }
    },

    /** The {@code dock.*} properties of the one-container command line, {@code -Ddock.image=redis:7}. */
    PROPERTIES {
        @Override
        String of(String element, String value) {
            return name(element) + "=" + value;
        }

        @Override
        String name(String element) {
            String property = CommandLineContainer.PROPERTIES.get(element);
            return property == null ? XML.name(element) : "-D" + property;
        }

        @Override
        String container(int index) {
            return "The container of " + name("image");
        }
    };

    /** The element with this value: {@code <image>redis:</image>}, {@code -Ddock.image=redis:}. */
    abstract String of(String element, String value);

    /** The element alone: {@code <ports>}, {@code -Ddock.ports}. */
    abstract String name(String element);

    /** Which container, when its alias cannot say: {@code The 2nd <container>}. */
    abstract String container(int index);

    /** Whether a command can be given as a list of {@code <arg>}, besides one string split like a shell does. */
    boolean hasArgLists() {
        return this == XML;
    }

    private static String last(String element) {
        return element.substring(element.lastIndexOf('/') + 1);
    }
}
