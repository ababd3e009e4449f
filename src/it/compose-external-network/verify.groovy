def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:compose-external-network'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('[joiner] joiner got peer-data')
    assert log.contains('The containers keep running after Maven exits; stop them with mvn dock:stop')
    // the separate stop ran what the POM adds to the service around its stop
    assert log.contains("[joiner] [exec] \$ sh -c 'echo stopped by a separate dock:stop > /tmp/prestop.txt'")
    assert new File(basedir, 'target/out/got').text == 'peer-data\n'
    assert new File(basedir, 'target/out/prestop.txt').text == 'stopped by a separate dock:stop\n'
    assert log =~ /Stopped and removed 'joiner' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert !log.contains('Not running preStop or copyOut')
    assert dock.leftovers(project) == ''
    // the external network and the server on it are left alone
    assert dock.run(['docker', 'network', 'ls', '-q', '--filter', 'name=^dock-it-compose-ext$']) != ''
    assert dock.run(['docker', 'inspect', '-f', '{{.State.Running}}', 'dock-it-compose-peer']) == 'true'
    if (!dock.podman()) { // Podman's network inspect does not list the containers
        assert dock.run(['docker', 'network', 'inspect', '-f', '{{range .Containers}}{{.Name}} {{end}}',
                         'dock-it-compose-ext']) == 'dock-it-compose-peer'
    }
} finally {
    dock.cleanup(project)
    ['docker', 'rm', '-f', 'dock-it-compose-peer'].execute().waitFor()
    ['docker', 'network', 'rm', 'dock-it-compose-ext'].execute().waitFor()
}
