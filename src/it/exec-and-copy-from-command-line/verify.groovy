def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:exec-and-copy-from-command-line'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("[svc] [exec] \$ sh -c 'echo started > /tmp/state'")
    assert log.contains('The containers keep running after Maven exits; stop them with mvn dock:stop')
    // the second Maven process knew the container only by its labels, and the commands and copies from the POM
    assert log.contains("[svc] [exec] \$ sh -c 'echo stopping >> /tmp/state'")
    assert new File(basedir, 'target/out/state').text == 'started\nstopping\n'
    assert log =~ /Killed and removed 'svc' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
