def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:remove-leftovers-keeps-foreign'
try {
    def log = new File(basedir, 'build.log').text
    def kept = /'(left|buddy)' \(dock-it\/busybox:1, [0-9a-f]{12}\)/
    assert log =~ /Keeping 2 containers \($kept, $kept\) \(dock.keep is set\); remove them with mvn dock:remove/
    assert log =~ /Stopped and removed 'left' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert log =~ /Stopped and removed 'buddy' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert log.contains('Removed 2 containers, 1 network and 1 volume of io.github.dockmaven.it:remove-leftovers-keeps-foreign')
    assert dock.leftovers(project) == ''
    def foreign = dock.run(['docker', 'inspect', '-f', '{{.State.Running}}', 'dock-it-foreign-remove'])
    assert foreign == 'true'
} finally {
    dock.cleanup(project)
    ['docker', 'rm', '-f', 'dock-it-foreign-remove'].execute().waitFor()
}
