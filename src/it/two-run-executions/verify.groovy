def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:two-run-executions'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('[svc] I am first')
    assert log.contains('[svc@second] I am second')
    // On each execution's own network, 'svc' is that execution's svc.
    assert log.contains('[peer] peer got first')
    assert log.contains('[peer@second] peer got second')
    assert log =~ /Tests run: 2, Failures: 0, Errors: 0/
    // Each execution's stop removes its own execution's container, not the other's.
    // Maven 3.8 names the plugin by its artifactId, 3.9 and 4 by its goal prefix
    def stops = log.split(/--- (?:dock-maven-plugin|dock):[^:]+:stop \(/).drop(1)
    assert stops.size() == 2
    assert stops[0].startsWith('first)')
    assert (stops[0] =~ /Killed and removed 'svc' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /).count == 1
    assert stops[1].startsWith('second)')
    assert (stops[1] =~ /Killed and removed 'svc' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /).count == 1
    // The output files do not overwrite each other.
    assert new File(basedir, 'target/dock/svc.log').text == 'I am first\n'
    assert new File(basedir, 'target/dock/svc@second.log').text == 'I am second\n'
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
