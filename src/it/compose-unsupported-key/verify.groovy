def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:compose-unsupported-key'
try {
    def log = new File(basedir, 'build.log').text
    def failures = dock.failures(log)
    assert failures.size() == 3
    // the loader's error: the file, the service and the key
    assert failures[0].contains('compose.unsupported.yaml') && failures[0].contains("'db'") && failures[0].contains('devices')
    assert failures[1] == '<compose><file>compose.missing.yaml</file> does not exist (' + new File(basedir, 'compose.missing.yaml').canonicalPath + '). Create it, or fix the path (relative to the project).'
    assert failures[2] == "Container 'db' adds to the compose service 'db' (it has no <image> or <build>), so it cannot set <env>: set it in the compose file (compose.yaml). Such a <container> may set <wait>, <stopMode>, <stopTimeout>, <postStart>, <preStop>, <copyIn>, <copyOut> and <dependsOn>."
    // each a user mistake (MojoFailureException), reported without a stack trace, before any container existed
    assert log.count('MojoFailureException') == 3
    assert !log.contains('\tat ')
    assert !log.contains("Started '")
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
