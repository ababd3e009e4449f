def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:early-start-failing-unit-test'
try {
    def log = new File(basedir, 'build.log').text
    def probe = log.indexOf('EARLY-PROBE running ')
    def failed = log.indexOf('failing on purpose, after the early container was seen running')
    def warning = log.indexOf('[WARNING] The build of early-start-failing-unit-test failed before dock:run: '
            + 'removing the containers started early')
    def removed = log =~ /\[INFO\] Killed and removed 'web' \(dock-it\/busybox:1, ([0-9a-f]{12})\) in /
    assert 0 <= probe && probe < failed
    assert failed < warning
    assert removed.find() && warning < removed.start()
    assert removed.start() < log.indexOf('BUILD FAILURE')
    assert (log =~ /emoved 'web' \(/).count == 1
    assert log.contains('There are test failures')
    assert !log.contains('Using the containers started early')
    // the lines of a start nobody took are dropped, not replayed as if it had just happened
    assert !log.contains("Started 'web'") && !log.contains('[web] ')

    // The engine's account: 'web' was created (early, as run never ran), and it is the one removed.
    if (!dock.podman()) {
        def creates = dock.creates(project, new File(basedir, 'began.txt').text.trim())
        assert creates*.id == [removed.group(1)]
    }
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
