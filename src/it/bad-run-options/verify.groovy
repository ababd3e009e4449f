def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:bad-run-options'
def expected = [
    ['malformed-size', '''Container 'db': <memory>12XB</memory> is not a size: expected bytes, or a number with the unit k, m, g or t, such as 512m or 2g.'''],
    ['cpus-not-a-number', '''Container 'db': <cpus>lots</cpus> is not a number of CPUs: expected a decimal number of CPUs, such as 1 or 1.5.'''],
    ['ulimit-without-equals', '''Container 'db': <ulimit>nofile</ulimit> is not a resource limit: expected name=soft or name=soft:hard, such as nofile=65536:65536.'''],
    ['platform-not-os-arch', '''Container 'db': <platform>amd64</platform> is not a platform: expected os/arch or os/arch/variant in lower case, such as linux/amd64 or linux/arm64/v8.'''],
    ['extra-host-without-colon', '''Container 'db': <host>outside</host> is not a host entry: expected name:address, such as db.local:10.0.0.5 or host.docker.internal:host-gateway.'''],
    ['healthcheck-interval-not-a-duration', '''Container 'db': <healthcheck><interval>often</interval> is not a duration: expected a duration such as 500ms, 3s, 1m or 1m30s.'''],
    ['missing-env-file', '''Container 'db': <envFile>''' + new File(basedir, 'missing.env').canonicalPath + '''</envFile> cannot be used: the file does not exist. Write one NAME=value per line (Docker's env-file format), or fix the path (relative to the project).''']
]
try {
    def log = new File(basedir, 'build.log').text
    def failures = dock.failures(log)
    assert failures.size() == expected.size()
    expected.eachWithIndex { e, i ->
        assert failures[i] == e[1] : "profile ${e[0]}"
    }
    // each a user mistake (MojoFailureException), reported without a stack trace, before any container existed
    assert log.count('MojoFailureException') == expected.size()
    assert !log.contains('\tat ')
    assert !log.contains("Started '")
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
