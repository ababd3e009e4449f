package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How {@code dock:remove} is wired into Maven, through the plugin testing harness. Everything it does past the skip
 * check needs an engine, so {@code dock.skip} is all there is to test here; the ITs test the rest.
 */
@MojoTest
@MojoParameter(name = "dockerHost", value = MojoTests.NO_ENGINE)
class RemoveMojoTest {

    private final RecordingLog log = new RecordingLog();

    @Inject
    private MavenSession session;

    @Provides
    Log log() {
        return log;
    }

    /** {@code -Ddock.skip=true}: a user property, so it must be there before the harness configures the Mojo. */
    @BeforeEach
    void setDockSkip() {
        session.getUserProperties().setProperty("dock.skip", "true");
    }

    @Test
    @InjectMojo(goal = "remove")
    void removeSkipsWhenDockSkipIsSet(RemoveMojo mojo) throws Exception {
        mojo.execute();

        assertThat(log.lines()).containsExactly("[INFO] Skipping dock:remove: dock.skip is set");
    }
}
