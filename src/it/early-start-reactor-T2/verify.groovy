def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def modules = ['early-t2-one', 'early-t2-two'].collect { "io.github.dockmaven.it:${it}".toString() }
def projects = modules + 'io.github.dockmaven.it:early-start-reactor-T2'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
    assert log.count('EARLY-PROBE running ') == 2
    assert log.count('[INFO] Using the containers started early, while Maven built the project '
            + '(-Ddock.early=false starts them here instead)') == 2
    assert (log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\n]* in it\.ServedIT/).count == 2
    assert log.contains('BUILD SUCCESS')
    def started = (log =~ /\[INFO\] Started 'web' \(dock-it\/busybox:1, ([0-9a-f]{12})\) in /).collect { it[1] }

    // The engine's account: one 'web' per module, the ones run reported
    if (!dock.podman()) {
        def began = new File(basedir, 'began.txt').text.trim()
        def creates = modules.collect { dock.creates(it, began)*.id }
        assert creates.every { it.size() == 1 }
        assert creates.flatten().sort() == started.sort()
    }
    assert projects.findAll { dock.leftovers(it) != '' } == []
} finally {
    projects.each { dock.cleanup(it) }
}
