def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:compose-stack-healthcheck-ordering'
try {
    def log = new File(basedir, 'build.log').text
    def greeting = 'hello-from-dotenv from-the-environment'
    // a key without effect on a test run is a warning naming it
    assert log.contains("[WARNING] Compose file src/it/compose.yaml, service 'redis': 'restart' is ignored: the plugin starts"
            + ' each service once and stops it after the tests.')
    assert log =~ /Started 'redis' \(dock-it\/redis:7, [0-9a-f]{12}\) in /
    assert log =~ /Started 'migrate' \(dock-it\/redis:7, [0-9a-f]{12}\) in /
    assert log =~ /Started 'web' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert log =~ /Started 'probe' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    // depends_on: redis healthy, then the migration ran to its end, then web; the POM's probe after web
    assert log.indexOf("Started 'redis'") < log.indexOf('[migrate] OK')
    assert log.indexOf("Started 'migrate'") < log.indexOf('[web] web serving')
    assert log.contains("[web] web serving ${greeting}")
    // a <container> of the POM reaches a service by its name on the build's network
    assert log.contains("[probe] probe got ${greeting}")
    assert log.indexOf("Started 'web'") < log.indexOf('[probe] probe got')
    assert log =~ /Tests run: 3, Failures: 0, Errors: 0/
    // the overlay's preStop and copyOut ran when stop stopped the service
    assert log.contains("[web] [exec] \$ sh -c 'echo web stopping > /www/stopped.txt'")
    assert new File(basedir, 'target/web-www/index.html').text == greeting + '\n'
    assert new File(basedir, 'target/web-www/stopped.txt').text == 'web stopping\n'
    // the overlay's stopMode applies to the service
    assert log =~ /Killed and removed 'web' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    ['redis', 'migrate'].each { assert log =~ /Stopped and removed '${it}' \(dock-it\/redis:7, [0-9a-f]{12}\) in / }
    ['redis', 'migrate', 'web', 'probe'].each { assert new File(basedir, "target/dock/${it}.log").exists() }
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
