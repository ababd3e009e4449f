def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:early-start-before-unit-tests'
def join = '[INFO] Using the containers started early, while Maven built the project (-Ddock.early=false starts them here instead)'
def started = /\[INFO\] Started 'web' \(dock-it\/busybox:1, ([0-9a-f]{12})\) in /
try {
    def builds = dock.builds(new File(basedir, 'build.log').text)
    assert builds.size() == 3
    def (early, late, clean) = builds
    builds.each {
        assert it =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\n]* in it\.ServedIT/
        assert it.contains('BUILD SUCCESS')
    }
    def at = { String build, pattern -> def m = build =~ pattern; m.find() ? m.start() : -1 }
    def unitTests = /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\n]* in it\.EarlyStartTest/

    // 1 and 3: the unit test saw 'web' running; run joined that start with one line, then printed its lines, none of
    // which came before (among the compiler's and surefire's)
    [early, clean].each { build ->
        def joined = build.indexOf(join)
        assert build.count(join) == 1
        assert 0 <= build.indexOf('EARLY-PROBE running ')
        assert build.indexOf('EARLY-PROBE running ') < at(build, unitTests)
        assert at(build, unitTests) < joined
        assert joined < at(build, started)
        assert joined < build.indexOf('[web] web: first line')
        def beforeRun = build.substring(0, joined)
        assert !beforeRun.contains("'web'") && !beforeRun.contains('[web]') : beforeRun
    }
    // 2: -Ddock.early=false: no container during the unit tests, none joined; run started 'web'
    assert !late.contains(join)
    assert late.indexOf('EARLY-PROBE absent ') >= 0
    assert late.indexOf('EARLY-PROBE absent ') < at(late, unitTests)
    assert at(late, unitTests) < at(late, started)

    // 3: clean ran after the early start had begun; the log file holds the container's output from its start
    assert new File(basedir, 'target/dock/web.log').text == 'web: first line\nweb: second line\n'

    // The engine's account: one 'web' per build, the one run reported; in 2 created after the unit test looked.
    if (!dock.podman()) {
        def creates = dock.creates(project, new File(basedir, 'began.txt').text.trim())
        assert creates*.alias == ['web', 'web', 'web']
        builds.eachWithIndex { build, i -> assert (build =~ started)[0][1] == creates[i].id }
        def lookedAt = (late =~ /EARLY-PROBE absent (\d+)/)[0][1] as long
        assert creates[1].nanos.intdiv(1_000_000) > lookedAt
    }
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
