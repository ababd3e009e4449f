def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:reuse-alone-starts-no-watchdog'
try {
    def builds = new File(basedir, 'build.log').text.split(/Scanning for projects/).drop(1)
    assert builds.size() == 4
    def watchdog = 'Started the watchdog (pid'
    def (first, second, own) = builds

    assert first =~ /Started 'db' \(dock-it\/busybox:1, [0-9a-f]{12}\)/
    assert first.contains("Leaving 'db'")
    assert !first.contains(watchdog) : first
    assert second =~ /Reused 'db' \(dock-it\/busybox:1, [0-9a-f]{12}\), ready in /
    assert !second.contains(watchdog) : second
    assert own.contains(watchdog) : own
    assert own =~ /Killed and removed 'db' \(dock-it\/busybox:1, [0-9a-f]{12}\)/
    builds.take(3).each { assert it.contains('BUILD SUCCESS') }

    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
