def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:early-start-failing-unit-test'
def warning = '[WARNING] The build of early-start-failing-unit-test failed before dock:run: removing the containers ' +
        'started early'
try {
    def builds = dock.builds(new File(basedir, 'build.log').text)
    assert builds.size() == 2
    [builds, ['ready', 'running']].transpose().each { build, seen ->
        def failed = build.indexOf('failing on purpose, after the early container was seen ' + seen)
        def probe = build.indexOf('EARLY-PROBE ' + seen + ' ')
        assert 0 <= probe && probe < failed
        assert failed < build.indexOf(warning)
        assert build.indexOf(warning) < build.indexOf('BUILD FAILURE')
        assert build.contains('There are test failures')
        assert !build.contains('Failed to execute goal io.github.dockmaven')
        assert !build.contains('Using the containers started early')
        // the lines of a start nobody took are dropped, not replayed as if it had just happened
        assert !build.contains("Started 'web'") && !build.contains('[web] ')
    }
    // 1: 'web' was ready: it is removed, reported once, after the warning (the start had finished: its postStart had
    // begun, and a cancel cuts a start short only before that)
    def (ready, waiting) = builds
    def removed = ready =~ /\[INFO\] Removed 'web' \(dock-it\/busybox:1, ([0-9a-f]{12})\) in /
    assert removed.find() && ready.indexOf(warning) < removed.start()
    assert removed.start() < ready.indexOf('BUILD FAILURE')
    assert (ready =~ /emoved 'web' \(/).count == 1
    // 2: 'web' was still waiting: the build did not wait out its 300 s, and says what became of the start
    assert waiting.indexOf(warning) < waiting.indexOf('[INFO] The early start had not finished; what it had created is removed')
    def total = waiting =~ /Total time: +(?:(\d+):)?(\d+)(?:\.\d+)? (?:s|min)/
    assert total.find()
    assert (total.group(1) ?: '0').toInteger() * 60 + total.group(2).toInteger() < 120

    // The engine's account: one 'web' per build (early, as run never ran); the first is the one removed.
    if (!dock.podman()) {
        def creates = dock.creates(project, new File(basedir, 'began.txt').text.trim())
        assert creates.size() == 2 && creates[0].id == removed.group(1)
    }
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
