def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:skip-flags'
try {
    def log = new File(basedir, 'build.log').text
    def skips = log.readLines().findAll { it.contains('Skipping dock:') }.collect { it.replaceFirst(/^\[INFO\] /, '') }
    assert skips == [
        'Skipping dock:run: dock.skip is set',
        'Skipping dock:stop: dock.skip is set',
        'Skipping dock:run: skipITs is set',
        'Skipping dock:stop: skipITs is set',
        'Skipping dock:run: skipTests is set',
        'Skipping dock:stop: skipTests is set',
        'Skipping dock:run: maven.test.skip is set',
        'Skipping dock:stop: maven.test.skip is set',
        'Skipping dock:prune: dock.skip is set',
    ]
    assert log.count('BUILD SUCCESS') == 5
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
