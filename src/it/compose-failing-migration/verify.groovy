def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:compose-failing-migration'
try {
    def log = new File(basedir, 'build.log').text
    def message = dock.failure(log).replaceAll(/[0-9a-f]{12}/, 'SHORTID').replaceAll(/after [0-9.]+m?s/, 'after T')
    assert message == """Container 'migrate' (dock-it/busybox:1, SHORTID) exited with code 3 after T, but it had to exit with code 0. Last 2 log lines:
  | applying 0002_users.sql
  | ERROR: relation users already exists"""
    assert log =~ /Started 'db' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    // the service that needed the migration never started
    assert !log.contains('[app] app up')
    assert !log.contains("Started 'app'")
    // a user-visible failure of the stack, not of the plugin
    assert log.contains('MojoFailureException')
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
