def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:early-start-session-end'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('Using the containers started early, while Maven built the project')
    dock.removedWhenTheSessionEnded(log)
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
