def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:early-start-late-property'
try {
    def log = new File(basedir, 'build.log').text
    def probe = log.indexOf('EARLY-PROBE running ')
    def changed = log.indexOf('[INFO] The configuration changed after the containers were started early '
            + '(-X shows what); starting them again')
    def why = log.indexOf("[DEBUG] Early start of execution 'default' discarded: 'web' differs (env)")
    assert 0 <= probe && probe < changed && 0 <= why
    assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\n]* in it\.ServedIT/
    assert log.contains('BUILD SUCCESS')
    // the container run handed over is the one started with the value antrun set
    assert new File(basedir, 'target/dock/web.log').text == 'value=set-by-antrun\n'
    def started = (log =~ /\[INFO\] Started 'web' \(dock-it\/busybox:1, ([0-9a-f]{12})\) in /).collect { it[1] }
    // the discarded start's lines are dropped: only the fresh 'web' is reported started
    assert started.size() == 1
    // each 'web' removed once: the early one when discarded, the fresh one by stop
    def removed = (log =~ /\] (?:Killed and r|R)emoved 'web' \(dock-it\/busybox:1, ([0-9a-f]{12})\) in /).collect { it[1] }
    def (removals, removedLast) = [removed.countBy { it }, removed ? removed.last() : null]
    assert removals.size() == 2 && removals.values().every { it == 1 } && removedLast == started.last() : removals

    // The engine's account: the early 'web' and the fresh one, which run reported last
    if (!dock.podman()) {
        def creates = dock.creates(project, new File(basedir, 'began.txt').text.trim())
        assert creates*.id == removed
    }
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
