package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How {@code dock:prune} is wired into Maven, through the plugin testing harness: only {@code dock.skip} skips it, and
 * a scope it does not know is the user's mistake, found before any engine is looked for.
 */
@MojoTest
@MojoParameter(name = "dockerHost", value = MojoTests.NO_ENGINE)
@MojoParameter(name = "scope", value = "everything")
class PruneMojoTest {

    private static final String UNKNOWN_SCOPE = "dock.prune.scope 'everything' is not a scope: use project (this"
            + " project's resources) or all (every project's).";

    private final RecordingLog log = new RecordingLog();

    @Inject
    private MavenSession session;

    @Provides
    Log log() {
        return log;
    }

    @Test
    @InjectMojo(goal = "prune")
    void pruneRejectsAnUnknownScope(PruneMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage(UNKNOWN_SCOPE);
        assertThat(log.lines()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "prune")
    void pruneIsNotSkippedBySkipITsWhichConcernsOnlyTheGoalsAroundTests(PruneMojo mojo) {
        session.getUserProperties().setProperty("skipITs", "true");

        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage(UNKNOWN_SCOPE);
    }

    /** {@code -Ddock.skip=true}: a user property, so it must be there before the harness configures the Mojo. */
    @Nested
    class WithDockSkipSet {

        @BeforeEach
        void setDockSkip() {
            session.getUserProperties().setProperty("dock.skip", "true");
        }

        @Test
        @InjectMojo(goal = "prune")
        void pruneSkipsBeforeCheckingTheScopeWhenDockSkipIsSet(PruneMojo mojo) throws Exception {
            mojo.execute();

            assertThat(log.lines()).containsExactly("[INFO] Skipping dock:prune: dock.skip is set");
        }
    }
}
