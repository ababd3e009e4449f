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
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@code dock:run} is wired into Maven, through the plugin testing harness: the skip flags come before anything
 * else, a configuration mistake is the user's ({@link MojoFailureException}), and none of it needs an engine.
 */
@MojoTest
@MojoParameter(name = "dockerHost", value = MojoTests.NO_ENGINE)
class RunMojoTest {

    /** A {@code <container>} without {@code <image>}: what {@code run} rejects before it looks for an engine. */
    private static final String MISSING_IMAGE =
            """
            <project>
              <build>
                <plugins>
                  <plugin>
                    <artifactId>dock-maven-plugin</artifactId>
                    <configuration>
                      <containers>
                        <container>
                          <alias>db</alias>
                        </container>
                      </containers>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    /** A {@code <compose>} naming two files, the second missing, and an overlay of one of its services. */
    private static final String MISSING_COMPOSE_FILE =
            """
            <project>
              <build>
                <plugins>
                  <plugin>
                    <artifactId>dock-maven-plugin</artifactId>
                    <configuration>
                      <compose>
                        <files>
                          <file>pom.xml</file>
                          <file>src/it/compose.ci.yaml</file>
                        </files>
                        <profiles><profile>debug</profile></profiles>
                      </compose>
                      <containers>
                        <container>
                          <alias>web</alias>
                          <stopMode>kill</stopMode>
                        </container>
                      </containers>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    private final RecordingLog log = new RecordingLog();

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Provides
    Log log() {
        return log;
    }

    @Test
    @InjectMojo(goal = "run")
    void runWithNoContainersSaysSoAndTouchesNoEngine(RunMojo mojo) throws Exception {
        mojo.execute();

        assertThat(log.lines()).containsExactly("[INFO] No <containers> configured for dock:run; nothing to start");
    }

    @Test
    @InjectMojo(goal = "run", pom = MISSING_IMAGE)
    void aConfigurationMistakeIsAMojoFailureException(RunMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("Container 'db' has no <image>. Add one, e.g. <image>postgres:16</image>.");
        assertThat(log.lines()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "run", pom = MISSING_COMPOSE_FILE)
    void aMissingComposeFileIsAMojoFailureExceptionNamingItsElementBeforeAnyEngineCall(RunMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("<compose><files><file>src/it/compose.ci.yaml</file> does not exist ("
                        + project.getBasedir().toPath().resolve("src/it/compose.ci.yaml")
                        + "). Create it, or fix the path (relative to the project).");
        assertThat(mojo.compose.profiles).containsExactly("debug");
        assertThat(log.lines()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "run", pom = MISSING_COMPOSE_FILE)
    @MojoParameter(name = "image", value = "redis:")
    void withDockImageTheComposeFilesAreNotRead(RunMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("-Ddock.image=redis: is not a valid image reference.");
        assertThat(log.lines()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "run", pom = MISSING_IMAGE)
    @MojoParameter(name = "image", value = "redis:")
    void withDockImageThePomsContainersAreLeftOutAndThePropertyIsChecked(RunMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("-Ddock.image=redis: is not a valid image reference. Write it as name[:tag] or"
                        + " name@digest, the name in lower case, e.g. postgres:16 or"
                        + " registry.example.com:5000/team/app:1.0.");
        assertThat(log.lines()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"skipITs", "skipTests", "maven.test.skip"})
    @InjectMojo(goal = "run", pom = MISSING_IMAGE)
    void runSkipsBeforeReadingTheConfigurationWhenFailsafeWouldSkipTheTests(String property, RunMojo mojo)
            throws Exception {
        session.getUserProperties().setProperty(property, "true");

        mojo.execute();

        assertThat(log.lines()).containsExactly("[INFO] Skipping dock:run: " + property + " is set");
    }

    @Test
    @InjectMojo(goal = "run", pom = MISSING_IMAGE)
    void runSkipsWhenThePomSetsSkipITs(RunMojo mojo) throws Exception {
        project.getProperties().setProperty("skipITs", "true");

        mojo.execute();

        assertThat(log.lines()).containsExactly("[INFO] Skipping dock:run: skipITs is set");
    }

    @Test
    @InjectMojo(goal = "run", pom = MISSING_IMAGE)
    void runGoesOnWhenSkipITsIsFalse(RunMojo mojo) {
        session.getUserProperties().setProperty("skipITs", "false");

        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("Container 'db' has no <image>. Add one, e.g. <image>postgres:16</image>.");
    }

    /** {@code -Ddock.skip=true}: a user property, so it must be there before the harness configures the Mojo. */
    @Nested
    class WithDockSkipSet {

        @BeforeEach
        void setDockSkip() {
            session.getUserProperties().setProperty("dock.skip", "true");
        }

        @Test
        @InjectMojo(goal = "run", pom = MISSING_IMAGE)
        void runSkipsBeforeReadingTheConfigurationWhenDockSkipIsSet(RunMojo mojo) throws Exception {
            mojo.execute();

            assertThat(log.lines()).containsExactly("[INFO] Skipping dock:run: dock.skip is set");
        }
    }
}
