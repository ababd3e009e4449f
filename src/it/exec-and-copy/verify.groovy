def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:exec-and-copy'
try {
    def log = new File(basedir, 'build.log').text
    // copyIn before the start: the entrypoint read the file copied into the folder /etc/app/
    assert log.contains('[app] app up with greeting=hello from the host')
    // postStart: each command announced, its output marked, on the console and in the container's log file
    def exec = ['[exec] $ cat /opt/renamed.conf',
                '[exec] greeting=hello from the host',
                "[exec] \$ sh -c 'cat /opt/seed-data/a.txt /opt/seed-data/sub/b.txt > /tmp/marker; echo post-start done'",
                '[exec] post-start done']
    exec.each { assert log.contains('[app] ' + it) }
    def appLog = new File(basedir, 'target/dock/app.log').text
    exec.each { assert appLog.contains(it + '\n') }
    // the dependent started only once every postStart command of 'app' had exited 0
    assert log.indexOf('[app] [exec] post-start done') < log.indexOf("Started 'app'")
    assert log.indexOf("Started 'app'") < log.indexOf('[web] web up')
    // the IT failed, and stop still ran: preStop, then copyOut of a renamed file, into a folder, a renamed folder
    assert log.contains('failing on purpose')
    assert log.contains("[app] [exec] \$ sh -c 'echo stopped gracefully > /tmp/prestop.txt'")
    assert new File(basedir, 'target/out/marker.txt').text == 'seed a\nseed b\n'
    assert new File(basedir, 'target/out/prestop.txt').text == 'stopped gracefully\n'
    assert new File(basedir, 'target/out/seed-back/a.txt').text == 'seed a\n'
    assert new File(basedir, 'target/out/seed-back/sub/b.txt').text == 'seed b\n'
    def id = (log =~ /Started 'app' \(dock-it\/busybox:1, ([0-9a-f]{12})\)/)
    assert id.find()
    assert log.contains("[WARNING] Container 'app' (dock-it/busybox:1, ${id.group(1)}): <copyOut> found no /no/such/path"
            + " in the container; nothing was copied to ${new File(basedir, 'target/out/path').canonicalPath}.")
    assert log =~ /Stopped and removed 'app' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    // each container's output is followed until it stopped: what it prints meanwhile reaches the console and its log
    assert new File(basedir, 'target/dock/web.log').text == 'web up\nweb shutting down\n'
    assert log.contains('[web] web shutting down')
    assert log.indexOf('[web] web shutting down') < log.indexOf("Stopped and removed 'web'")
    assert appLog.contains('preStop reached the container\n')
    // preStop output goes where the container's output goes, as postStart output does
    assert appLog.contains("[exec] \$ sh -c 'echo stopped gracefully > /tmp/prestop.txt'\n")
    assert log.indexOf("Copied /tmp/marker of 'app'") < log.indexOf('BUILD FAILURE')
    assert log.contains('There are test failures')
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
