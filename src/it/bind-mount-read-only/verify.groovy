def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:bind-mount-read-only'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('[reader] read: hello from the host')
    assert log.contains('[reader] absolute: hello from the host')
    assert log.contains('[reader] touch: /conf/new.txt: Read-only file system')
    assert log.contains('[reader] write refused')
    assert !new File(basedir, 'src/test/resources/conf/new.txt').exists()
    assert new File(basedir, 'target/out/hello.txt').text == 'written-in-container\n'
    assert log =~ /Killed and removed 'reader' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
