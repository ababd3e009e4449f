def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:archive-loads-missing-image'
try {
    def log = new File(basedir, 'build.log').text
    assert log =~ /\[INFO\] Loaded dock-it\/archive-loaded:1 from image\.tar in [0-9.]+m?s/
    assert !log.contains('Pulling')
    assert log =~ /Started 'app' \(dock-it\/archive-loaded:1, [0-9a-f]{12}\) in /
    assert log.contains('[app] loaded and running')
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
    ['docker', 'rmi', 'dock-it/archive-loaded:1'].execute().waitFor()
}
