def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:teardown-after-failing-it'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Started 'svc' (dock-it/busybox:1, ")
    assert log.contains('failing on purpose')
    assert log =~ /Stopped and removed 'svc' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    // stop ran before failsafe:verify failed the build
    assert log.indexOf("Stopped and removed 'svc'") < log.indexOf('BUILD FAILURE')
    assert log.contains('There are test failures')
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
