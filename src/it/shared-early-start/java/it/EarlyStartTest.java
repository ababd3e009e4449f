package it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The unit test of the early-start projects: it runs (surefire, phase test) long before dock:run and looks at the
 * engine. With early.expect=running it waits until a container of the project runs, which only an early start can
 * have done by then; with early.expect=ready, until a running one holds {@value #READY_FILE}, which the container's
 * postStart command creates: postStart runs once its wait held, and once its last command began a cancel cuts the
 * start short no more, so the early start is bound to finish; with early.expect=absent it checks that the project has
 * no container at all. Either way it prints when it looked, for verify.groovy to compare with the engine's create
 * events. early.failOnPurpose=true then fails the build's unit tests.
 */
class EarlyStartTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    static final String READY_FILE = "/early-ready";

    @Test
    void theProjectsContainersAreAsExpectedWhileUnitTestsRun() throws Exception {
        String project = System.getProperty("early.project");
        String expect = System.getProperty("early.expect");
        EngineProbe engine = new EngineProbe();
        if (expect.equals("running")) {
            assertTrue(
                    withinDeadline(() -> engine.hasContainerOf(project, true)),
                    "no container of " + project + " ran within " + DEADLINE + " of the unit tests' start");
            System.out.println("EARLY-PROBE running " + System.currentTimeMillis());
        } else if (expect.equals("ready")) {
            assertTrue(
                    withinDeadline(() -> engine.hasRunningContainerWithFile(project, READY_FILE)),
                    "no container of " + project + " ran its postStart within " + DEADLINE + " of the unit tests'"
                            + " start");
            System.out.println("EARLY-PROBE ready " + System.currentTimeMillis());
        } else if (expect.equals("absent")) {
            assertFalse(engine.hasContainerOf(project, false), project + " has a container while unit tests run");
            System.out.println("EARLY-PROBE absent " + System.currentTimeMillis());
        } else {
            fail("early.expect must be running, ready or absent, not " + expect);
        }
        if (Boolean.getBoolean("early.failOnPurpose")) {
            fail("failing on purpose, after the early container was seen " + expect);
        }
    }

    /** What the engine is asked. */
    private interface Look {
        boolean holds() throws Exception;
    }

    /** Polls the engine until {@code look} holds or the deadline passes: how long an early start takes varies. */
    private static boolean withinDeadline(Look look) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!look.holds()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }
}
