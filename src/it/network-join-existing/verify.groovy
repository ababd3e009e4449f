def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:network-join-existing'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('[joiner] joiner got peer-data')
    assert log.contains('[alone] alone got joiner-data')
    assert log =~ /Tests run: 3, Failures: 0, Errors: 0/
    assert log =~ /Stopped and removed 'joiner' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert dock.leftovers(project) == ''
    // The networks and the server that were there before the build are still there.
    assert dock.run(['docker', 'network', 'ls', '-q', '--filter', 'name=^dock-it-joined-net$']) != ''
    assert dock.run(['docker', 'network', 'ls', '-q', '--filter', 'name=^dock-it-joined-other$']) != ''
    assert dock.run(['docker', 'inspect', '-f', '{{.State.Running}}', 'dock-it-joined-peer']) == 'true'
} finally {
    dock.cleanup(project)
    ['docker', 'rm', '-f', 'dock-it-joined-peer'].execute().waitFor()
    ['dock-it-joined-net', 'dock-it-joined-other'].each { ['docker', 'network', 'rm', it].execute().waitFor() }
}
