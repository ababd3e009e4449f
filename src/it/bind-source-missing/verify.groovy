def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:bind-source-missing'
try {
    def log = new File(basedir, 'build.log').text
    def message = dock.failure(log).replace(basedir.canonicalPath, '<basedir>')
    assert message == "Container 'conf' (dock-it/busybox:1) mounts <basedir>/src/test/missing at /conf, but that host" +
            " path does not exist. Create it, or fix the path in <volumes> (a relative path is resolved against the" +
            " project's directory)."
    assert !log.contains("Started 'other'")
    assert !new File(basedir, 'src/test/missing').exists()
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
