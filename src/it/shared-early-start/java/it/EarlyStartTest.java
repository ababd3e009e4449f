package it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The unit test of the early-start projects: it runs (surefire, phase test) long before dock:run and looks at the
 * engine. With early.expect=running it waits until a container of the project runs, which only an early start can
 * have done by then; with early.expect=absent it checks that the project has no container at all. Either way it prints
 * when it looked, for verify.groovy to compare with the engine's create events. early.failOnPurpose=true then fails
 * the build's unit tests.
 */
class EarlyStartTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    void theProjectsContainersAreAsExpectedWhileUnitTestsRun() throws Exception {
        String project = System.getProperty("early.project");
        String expect = System.getProperty("early.expect");
        EngineProbe engine = new EngineProbe();
        if (expect.equals("running")) {
            assertTrue(
                    runningWithinDeadline(engine, project),
                    "no container of " + project + " ran within " + DEADLINE + " of the unit tests' start");
            System.out.println("EARLY-PROBE running " + System.currentTimeMillis());
        } else if (expect.equals("absent")) {
            assertFalse(engine.hasContainerOf(project, false), project + " has a container while unit tests run");
            System.out.println("EARLY-PROBE absent " + System.currentTimeMillis());
        } else {
            fail("early.expect must be running or absent, not " + expect);
        }
        if (Boolean.getBoolean("early.failOnPurpose")) {
            fail("failing on purpose, after the early container was seen running");
        }
    }

    /** Polls the engine until the condition holds or the deadline passes: how long an early start takes varies. */
    private static boolean runningWithinDeadline(EngineProbe engine, String project) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!engine.hasContainerOf(project, true)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }
}
