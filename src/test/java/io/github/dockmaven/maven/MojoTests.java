package io.github.dockmaven.maven;

/** What the Mojo tests share. */
final class MojoTests {

    /**
     * The {@code dock.host} of every Mojo test: a unix socket that does not exist. None of these tests may reach an
     * engine, and each asserts the whole log, in which an engine lookup would leave a debug line per place tried.
     */
    static final String NO_ENGINE = "unix:///nonexistent/dock-maven-plugin-test/docker.sock";

    private MojoTests() {}
}
