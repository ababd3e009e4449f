def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:compose-unsupported-key'
try {
    def log = new File(basedir, 'build.log').text
    def failures = dock.failures(log)
    assert failures.size() == 3
    assert failures[0] == "Compose file compose.unsupported.yaml, service 'db': the key 'devices' is not supported by dock-maven-plugin. Remove it, or run that service as a <container>. Supported keys: build, cap_add, cap_drop, command, container_name, cpus, depends_on, entrypoint, env_file, environment, expose, extra_hosts, healthcheck, hostname, image, init, labels, mem_limit, networks, platform, ports, privileged, profiles, shm_size, stop_grace_period, stop_signal, tmpfs, ulimits, user, volumes, working_dir, x-*."
    assert failures[1] == '<compose><file>compose.missing.yaml</file> does not exist (' + new File(basedir, 'compose.missing.yaml').canonicalPath + '). Create it, or fix the path (relative to the project).'
    assert failures[2] == "Container 'db' adds to the compose service 'db' (it has no <image> or <build>), so it cannot set <env>: set it in the compose file (compose.yaml). Such a <container> may set <wait>, <stopMode>, <stopTimeout>, <postStart>, <preStop>, <copyIn>, <copyOut>, <reuse> and <dependsOn>."
    // each a user mistake (MojoFailureException), reported without a stack trace, before any container existed
    assert log.count('MojoFailureException') == 3
    assert !log.contains('\tat ')
    assert !log.contains("Started '")
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
