def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:stop-from-separate-invocation'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Started 'kept' (dock-it/busybox:1, ")
    assert log.contains('The containers keep running after Maven exits; stop them with mvn dock:stop')
    assert log =~ /Tests run: 1, Failures: 0, Errors: 0/
    assert log =~ /Stopped and removed 'kept' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
