def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:bad-run-options'
def expected = [
    ['malformed-size', '''Container 'db': <memory>12XB</memory> is not a size: expected bytes, or a number with the unit k, m, g or t, such as 512m or 2g.'''],
    ['cpus-not-a-number', '''Container 'db': <cpus>lots</cpus> is not a number of CPUs: expected a decimal number of CPUs, such as 1 or 1.5.'''],
    ['ulimit-without-equals', '''Container 'db': <ulimit>nofile</ulimit> is not a resource limit: expected name=soft or name=soft:hard, such as nofile=65536:65536.'''],
    ['platform-not-os-arch', '''Container 'db': <platform>amd64</platform> is not a platform: expected os/arch or os/arch/variant in lower case, such as linux/amd64 or linux/arm64/v8.'''],
    ['extra-host-without-colon', '''Container 'db': <host>outside</host> is not a host entry: expected name:address, such as db.local:10.0.0.5 or host.docker.internal:host-gateway.'''],
    ['healthcheck-interval-not-a-duration', '''Container 'db': <healthcheck><interval>often</interval> is not a duration: expected a duration such as 500ms, 3s, 1m or 1m30s.'''],
    ['missing-env-file', '''Container 'db': <envFile>''' + new File(basedir, 'missing-env-file/missing.env').canonicalPath + '''</envFile> cannot be used: the file does not exist. Write one NAME=value per line (Docker's env-file format), or fix the path (relative to the project).''']
]
// one module per mistake, named after it
def modules = expected.collect { "${project}-${it[0]}".toString() }
try {
    def log = new File(basedir, 'build.log').text
    def failures = dock.failures(log)
    assert failures.size() == expected.size()
    expected.eachWithIndex { e, i ->
        assert failures[i] == e[1] : "module ${e[0]}"
        assert log.contains("on project ${modules[i] - 'io.github.dockmaven.it:'}: ${e[1].readLines()[0]}")
    }
    // each a user mistake (MojoFailureException: Maven's one help link for all of them), reported without a stack
    // trace, before any container existed
    assert log.count(' -> [Help 1]') == expected.size()
    assert log.findAll(/\[Help \d+\] http\S+/) == ['[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException']
    assert !log.contains('\tat ')
    assert !log.contains("Started '")
    for (module in modules) {
        assert dock.leftovers(module) == ''
    }
} finally {
    for (module in modules) {
        dock.cleanup(module)
    }
}
