def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:early-start-only-when-reached'
def join = 'Using the containers started early, while Maven built the project'
try {
    def builds = dock.builds(new File(basedir, 'build.log').text)
    assert builds.size() == 8
    builds.each { assert it.contains('BUILD SUCCESS') }
    def (skipped, reached) = [builds.take(7), builds[7]]
    skipped.each { assert !it.contains(join) }
    // where unit tests ran (all but -DskipTests and -Dmaven.test.skip), no container of the project existed
    assert skipped.collect { it.contains('EARLY-PROBE absent ') } == [true, true, true, true, false, false, true]
    assert reached.contains('EARLY-PROBE running ') && reached.contains(join)
    def started = (reached =~ /\[INFO\] Started 'web' \(dock-it\/busybox:1, ([0-9a-f]{12})\) in /)[0][1]

    // The engine's account: the only 'web' created is the control build's
    if (!dock.podman()) {
        assert dock.creates(project, new File(basedir, 'began.txt').text.trim())*.id == [started]
    }
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
