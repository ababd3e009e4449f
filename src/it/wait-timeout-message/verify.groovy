def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:wait-timeout-message'
try {
    def log = new File(basedir, 'build.log').text
    def message = dock.failure(log)
    message = message.replaceAll(/[0-9a-f]{12}/, 'SHORTID').replaceAll(/localhost:\d+/, 'localhost:PORT')
    // Docker's userland proxy takes the connection and closes it; Podman forwards it, and nothing listens
    def tcp = dock.podman() ? 'did not accept a connection: Connection refused' : 'closed the connection at once'
    assert message == """Container 'slow' (dock-it/busybox:1, SHORTID) was not ready after 2s: no log line matched 'never printed'; TCP port 8080 (localhost:PORT) ${tcp}. Fix the container, or raise <wait><timeout> if it needs longer. Last 2 log lines:
  | starting slowly
  | still warming up"""
    assert log.contains("Removed what this execution had created (1 container) because it failed")
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
