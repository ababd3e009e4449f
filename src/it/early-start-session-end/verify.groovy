def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:early-start-session-end'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('Using the containers started early, while Maven built the project')
    def started = (log =~ /Started 'svc' \(dock-it\/busybox:1, ([0-9a-f]{12})\)/)
    assert started.find() : 'svc was not started'
    assert log.contains('No tests matching pattern "NoSuchIT" were executed')
    assert !log.contains("Stopped and removed 'svc'")
    def warning = '[WARNING] Maven is exiting before dock:stop ran: killing and removing the 1 container this build' +
            ' started, with its network and volumes'
    def removed = "[WARNING] Removed 1 container ('svc' (dock-it/busybox:1, ${started.group(1)}))"
    // removed when the session ended, before Maven printed the error; the JVM's shutdown hook runs after all of it
    def error = '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-failsafe-plugin'
    assert log.contains(warning)
    assert log.contains(removed)
    assert log.indexOf(warning) < log.indexOf(error)
    assert log.indexOf(removed) < log.indexOf(error)
    // guarded as any lifecycle run, but the session's end cleans up while the class realm is open: nothing loaded ahead
    assert log.contains('Started the watchdog (pid')
    assert !log.contains('Loading what the shutdown hook may need')
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
