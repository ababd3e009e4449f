package io.github.dockmaven.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * The log of a {@code run} execution started early: its lines are held while Maven builds the project (they would
 * interleave with the compiler's and the unit tests'), and written where {@code run} writes, in their order, when
 * {@code run} joins the early start; from then on they go there directly. Whether a level is enabled is Maven's answer,
 * as for any mojo.
 */
final class HeldLog implements Log {

    /** How many lines are held at most: a chatty container must not fill the heap while the unit tests run. */
    static final int MAX_HELD = 10_000;

    private enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    private record Entry(Level level, CharSequence content, Throwable error) {}

    private final Log live;
    private final List<Entry> held = new ArrayList<>();
    private int leftOut;
    private Log target;
    private boolean dropped;

    /** @param live Maven's log for the mojo: what levels are enabled, and where the shutdown hook reports */
    HeldLog(Log live) {
        this.live = live;
    }

    /** Maven's log for the mojo, which writes at once: for what must be seen even if {@code run} never joins. */
    Log live() {
        return live;
    }

    /** Writes the held lines to {@code log}, in order, and every later one at once. */
    synchronized void release(Log log) {
        for (Entry entry : held) {
            write(log, entry);
        }
        held.clear();
        if (leftOut > 0) {
            log.info(leftOut + " lines of the early start were left out here; each container's output is whole in its"
                    + " log file");
        }
        target = log;
    }

    /** Forgets the held lines, and every later one: the start they tell of was undone. */
    synchronized void drop() {
        held.clear();
        dropped = true;
    }

    private synchronized void add(Level level, CharSequence content, Throwable error) {
        if (dropped) {
            return;
        }
        if (target != null) {
            write(target, new Entry(level, content, error));
        } else if (held.size() < MAX_HELD || level == Level.WARN || level == Level.ERROR) {
            held.add(new Entry(level, content, error));
        } else {
            leftOut++;
        }
    }

    private static void write(Log log, Entry entry) {
        switch (entry.level()) {
            case DEBUG -> log.debug(entry.content(), entry.error());
            case INFO -> log.info(entry.content(), entry.error());
            case WARN -> log.warn(entry.content(), entry.error());
            case ERROR -> log.error(entry.content(), entry.error());
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return live.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        if (isDebugEnabled()) {
            add(Level.DEBUG, content, null);
        }
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        if (isDebugEnabled()) {
            add(Level.DEBUG, content, error);
        }
    }

    @Override
    public void debug(Throwable error) {
        debug(null, error);
    }

    @Override
    public boolean isInfoEnabled() {
        return live.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        add(Level.INFO, content, null);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        add(Level.INFO, content, error);
    }

    @Override
    public void info(Throwable error) {
        add(Level.INFO, null, error);
    }

    @Override
    public boolean isWarnEnabled() {
        return live.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        add(Level.WARN, content, null);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        add(Level.WARN, content, error);
    }

    @Override
    public void warn(Throwable error) {
        add(Level.WARN, null, error);
    }

    @Override
    public boolean isErrorEnabled() {
        return live.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        add(Level.ERROR, content, null);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        add(Level.ERROR, content, error);
    }

    @Override
    public void error(Throwable error) {
        add(Level.ERROR, null, error);
    }
}
