def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def modules = ['t2-alpha', 't2-beta', 't2-gamma']
def projects = modules.collect { "io.github.dockmaven.it:${it}" } + 'io.github.dockmaven.it:reactor-parallel-T2'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
    assert !log.contains('thread-safe') && !log.contains('threadSafe')
    // The modules have no main classes: the jar plugin's warning about that is the only one expected.
    def warnings = log.readLines().findAll { it.startsWith('[WARNING]') && !it.contains('JAR will be empty') }
    assert warnings.isEmpty() : warnings.join('\n')
    assert (log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\n]* in it\.ModuleIT/).count == 3
    assert (log =~ /Started 'web' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /).count == 3
    assert (log =~ /Stopped and removed 'web' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /).count == 3
    assert (log =~ /Killed and removed 'db' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /).count == 3
    modules.each { assert new File(basedir, "${it.substring(3)}/target/dock/db.log").text == 'db up\n' }
    // same alias in every module: the console prefix names the module
    modules.each { assert log.contains("[${it}/db] db up") : it }
    assert !log.contains('[db] ')
    projects.each { assert dock.leftovers(it) == '' : it }
    assert log.contains('BUILD SUCCESS')
} finally {
    projects.each { dock.cleanup(it) }
}
