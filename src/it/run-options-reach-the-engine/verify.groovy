def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:run-options-reach-the-engine'
try {
    def log = new File(basedir, 'build.log').text
    assert log =~ /Tests run: 6, Failures: 0, Errors: 0, Skipped: 0/
    assert log.contains("Started 'opts' (dock-it/busybox:1, ")
    assert log.contains("Started 'priv' (dock-it/busybox-healthy:1, ")
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
