def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:bad-configuration'
def expected = [
    ['missing-image', '''Container 'db' has no <image>. Add one, e.g. <image>postgres:16</image>.'''],
    ['missing-alias', '''The 1st <container> (image dock-it/busybox:1) has no <alias>. Give it one, e.g. <alias>db</alias>: the alias names the container in logs, properties and <dependsOn>.'''],
    ['duplicate-alias', '''Two <container> elements have <alias>db</alias>. Aliases must be unique in the POM: rename one of them.'''],
    ['invalid-alias', '''The 1st <container> has <alias>My DB</alias>, which is not a valid alias: use lower-case letters, digits, '_', '.' and '-', starting with a letter or digit, e.g. <alias>my-db</alias>.'''],
    ['invalid-image', '''Container 'db': <image>Dock-IT/BusyBox</image> is not a valid image reference. Write it as name[:tag] or name@digest, the name in lower case, e.g. postgres:16 or registry.example.com:5000/team/app:1.0.'''],
    ['malformed-port', '''Container 'db': <port>80800</port> is not a valid port: 80800 is above 65535, the highest port. Examples: <port>8080</port>, <port>18080:8080</port>, <port>53/udp</port>.'''],
    ['malformed-volume', '''Container 'db': <volume>data</volume> is not valid: expected 'name:/container/path' or 'hostPath:/container/path', optionally followed by ':ro'. Examples: <volume>data:/var/lib/data</volume>, <volume>src/test/conf:/etc/app:ro</volume>.'''],
    ['malformed-duration', '''Container 'db': <stopTimeout>3 seconds</stopTimeout> is not a duration: expected a duration such as 500ms, 3s, 1m or 1m30s.'''],
    ['malformed-wait-timeout', '''Container 'db': <wait><timeout>soon</timeout> is not a duration: expected a duration such as 500ms, 3s, 1m or 1m30s.'''],
    ['unknown-pull-policy', '''Container 'db': <pullPolicy>sometimes</pullPolicy> is not one of missing, always, never.'''],
    ['unknown-stop-mode', '''Container 'db': <stopMode>gently</stopMode> is not one of stop, kill.'''],
    ['unknown-dependency', '''Container 'app': <dependsOn> names 'database', but no <container> has that alias. Known aliases: app, db.'''],
    ['never-pull-missing-image', '''Image 'dock-it/absent:1' of container 'db' is not present locally, and its <pullPolicy> is never. Build or pull it first (docker pull dock-it/absent:1), or set <pullPolicy>missing</pullPolicy>.'''],
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
