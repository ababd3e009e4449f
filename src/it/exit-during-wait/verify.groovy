def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:exit-during-wait'
try {
    def log = new File(basedir, 'build.log').text
    def message = dock.failure(log)
    message = message.replaceAll(/[0-9a-f]{12}/, 'SHORTID').replaceAll(/after [0-9.]+m?s/, 'after T')
    assert message == """Container 'crashy' (dock-it/busybox:1, SHORTID) exited with code 3 after T while waiting for a log line matching 'ready'. Last 2 log lines:
  | booting
  | cannot open config"""
    // failed at once: the whole build took far less than the 120 s timeout
    def total = (log =~ /Total time: +([0-9.]+) s/)
    assert total.find() && Double.parseDouble(total.group(1)) < 60
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
