package io.github.dockmaven.core;

import java.time.Duration;

/**
 * How hard a {@link Teardown} removes, and for how long it keeps at it.
 *
 * @param force how containers are stopped, and whether a refusal is a failure
 * @param volumes whether volumes are removed (else left in place, and in the record)
 * @param announce whether each container removed is reported on the console at info level (else at debug level)
 * @param settle with {@code limit}: the teardown does not end before this has passed, so that a creation under way
 *     when the owner died still lands and is removed
 * @param limit null: one round; else rounds are repeated until one finds nothing left, and given up after this
 */
public record RemovalPolicy(Force force, boolean volumes, boolean announce, Duration settle, Duration limit) {

    /** How containers are removed. */
    public enum Force {
        /** Each container stopped as {@code run} configured it (graceful within its stop timeout, or killed). */
        GRACEFUL,
        /** Each container killed and removed at once: nobody reads its output any more. */
        KILL,
        /** Removed at once; a network or volume the engine refuses to remove (still used) is left, not a failure. */
        GENTLE
    }

    /** {@code dock:stop} and {@code dock:remove}: every container stopped the way it was configured, announced. */
    public static RemovalPolicy stop() {
        return new RemovalPolicy(Force.GRACEFUL, true, true, Duration.ZERO, null);
    }

    /**
     * A build that is being aborted or is gone: everything killed, listed and removed again until a listing finds
     * nothing, but not before {@code settle} has passed; an engine that does not answer is asked again until {@code
     * limit}.
     */
    public static RemovalPolicy killUntilEmpty(Duration settle, Duration limit) {
        return new RemovalPolicy(Force.KILL, true, false, settle, limit);
    }

    /** Containers nobody will use any more, of a build that goes on: each killed and removed at once, announced. */
    public static RemovalPolicy kill() {
        return new RemovalPolicy(Force.KILL, true, true, Duration.ZERO, null);
    }

    /** {@code dock:prune}: what is unused removed at once, what is still used left. */
    public static RemovalPolicy prune() {
        return new RemovalPolicy(Force.GENTLE, true, false, Duration.ZERO, null);
    }

    /** This policy, each container's removal reported at debug level only. */
    public RemovalPolicy quietly() {
        return new RemovalPolicy(force, volumes, false, settle, limit);
    }

    /** This policy, removing volumes only when {@code volumes}. */
    public RemovalPolicy withVolumes(boolean volumes) {
        return new RemovalPolicy(force, volumes, announce, settle, limit);
    }

    /** Whether rounds are repeated until one finds nothing left. */
    public boolean untilEmpty() {
        return limit != null;
    }
}
