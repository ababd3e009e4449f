def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:session-end-without-extension'
try {
    def log = new File(basedir, 'build.log').text
    assert !log.contains('Using the containers started early')
    dock.removedWhenTheSessionEnded(log)
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
