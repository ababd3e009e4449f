def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:happy-path-properties'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Started 'web' (dock-it/busybox:1, ")
    assert log.contains("Started 'echo' (dock-it/busybox:1, ")
    assert log.contains('[echo] echo is up')
    assert log =~ /Tests run: 3, Failures: 0, Errors: 0/
    assert log =~ /Stopped and removed 'web' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert new File(basedir, 'target/dock/web.log').text.contains('serving')
    assert new File(basedir, 'target/dock/echo.log').text == 'echo is up\n'
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
