def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:named-volume-shared-then-removed'
def volume = null
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('[writer] written')
    assert log.contains('[reader] reader saw: shared-by-writer')
    assert log =~ /Tests run: 1, Failures: 0, Errors: 0/
    assert log =~ /Killed and removed 'reader' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert log =~ /Stopped and removed 'writer' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /

    // The IT wrote down the name of the volume both containers mounted: it is gone now.
    volume = new File(basedir, 'target/volume.txt').text
    assert volume ==~ /named-volume-shared-then-removed-vol-data-[0-9a-f]{8}/
    def p = ['docker', 'volume', 'inspect', volume].execute()
    p.waitFor()
    assert p.exitValue() != 0 : "volume ${volume} still exists"
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
    if (volume) {
        ['docker', 'volume', 'rm', '-f', volume].execute().waitFor()
    }
}
