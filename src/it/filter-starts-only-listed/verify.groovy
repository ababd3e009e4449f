def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:filter-starts-only-listed'
try {
    def log = new File(basedir, 'build.log').text
    assert log =~ /Started 'db' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert log =~ /Started 'api' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert log.indexOf("Started 'db' (") < log.indexOf('[api] api up')
    assert !log.contains("'web'") && !log.contains('[web]')
    assert !log.contains("'other'") && !log.contains('[other]')
    assert new File(basedir, 'target/dock').list().sort() == ['api.log', 'db.log']
    assert log =~ /Killed and removed 'api' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert log =~ /Killed and removed 'db' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
