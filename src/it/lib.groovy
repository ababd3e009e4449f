// Shared by the verify.groovy scripts: `def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))`.
// They assert first, then clean up in a finally block, so a cleanup never hides a failure.
// The Java tests' counterpart is src/test/java/io/github/dockmaven/it/DockerCli.java.

// What the plugin creates, each with how it is listed for a report, and how it is removed.
def kinds = [
    [list: ['docker', 'ps', '-a'], format: '{{.Names}} {{.Status}}', remove: ['docker', 'rm', '-f']],
    [list: ['docker', 'network', 'ls'], format: '{{.Name}}', remove: ['docker', 'network', 'rm']],
    [list: ['docker', 'volume', 'ls'], format: '{{.Name}}', remove: ['docker', 'volume', 'rm', '-f']],
]
def ofProject = { String project -> ['--filter', "label=io.github.dockmaven.project=${project}".toString()] }
// The message Maven printed under BUILD FAILURE for a goal of this plugin: group 1, with Maven's [ERROR] prefixes.
def failurePattern = /(?s)\[ERROR\] Failed to execute goal io\.github\.dockmaven:dock-maven-plugin:[^ ]+ \([^)]*\) on project [^:]+: (.*?)(?:\n\[ERROR\])? -> \[Help 1\]/
def withoutPrefixes = { String message -> message.replaceAll(/\n\[ERROR\] ?/, '\n') }
// What a command printed on stdout, trimmed. waitForProcessOutput joins the threads that read the output:
// consumeProcessOutput with waitFor waits for the process only, and under load returned before a line was read.
def run = { List<String> cmd ->
    def p = cmd.execute()
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    out.toString().trim()
}
[
    run: run,
    // The engine's create events for one project's containers from `since` (epoch seconds, as a setup.groovy wrote
    // it) until now, oldest first: [nanos: engine time, id: short id, alias: its alias]. Filtered here, not by the
    // event stream, whose filters Podman joins differently.
    creates: { String project, String since ->
        def until = (System.currentTimeMillis().intdiv(1000) + 1).toString()
        run(['docker', 'events', '--since', since, '--until', until, '--filter', 'type=container',
                '--format', '{{.Action}} {{index .Actor.Attributes "io.github.dockmaven.project"}} {{.TimeNano}} '
                + '{{.Actor.ID}} {{index .Actor.Attributes "io.github.dockmaven.alias"}}'])
                .readLines().collect { it.split(' ') }.findAll { it.size() == 5 && it[0] == 'create' && it[1] == project }
                .collect { [nanos: it[2] as long, id: it[3].take(12), alias: it[4]] }
    },
    // The output of each Maven run of an invoker project with several goals, in their order (build.log holds them all).
    builds: { String log ->
        log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1) as List
    },
    // Everything of one project this plugin left: containers, networks, volumes (empty string when none).
    leftovers: { String project ->
        kinds.collect { (it.list + ['--format', it.format] + ofProject(project)).execute().text.trim() }
                .findAll { it }.join('\n')
    },
    // The message Maven printed under BUILD FAILURE for a goal of this plugin, without Maven's [ERROR] prefixes.
    failure: { String log ->
        def m = log =~ failurePattern
        if (!m.find()) {
            throw new AssertionError('build.log holds no failure of dock-maven-plugin')
        }
        withoutPrefixes(m.group(1))
    },
    // Every such message, in the order of the Maven runs that printed them.
    failures: { String log ->
        (log =~ failurePattern).collect { withoutPrefixes(it[1]) }
    },
    // Whether the docker CLI talks to Podman (scripts/test-podman.sh): a few engine texts are its own.
    podman: { ->
        ['docker', 'version', '--format', '{{range .Server.Components}}{{.Name}} {{end}}'].execute().text.contains('Podman')
    },
    // Checks a build that failed in integration-test, with 'svc' started and dock:stop never run: 'svc' was removed
    // when Maven's session ended, before Maven reported the error.
    removedWhenTheSessionEnded: { String log ->
        def started = (log =~ /Started 'svc' \(dock-it\/busybox:1, ([0-9a-f]{12})\)/)
        assert started.find() : 'svc was not started'
        assert log.contains('No tests matching pattern "NoSuchIT" were executed')
        assert !log.contains("Stopped and removed 'svc'")
        def warning = '[WARNING] Maven is exiting before dock:stop ran: killing and removing the 1 container this' +
                ' build started, with its network and volumes'
        def removed = "[WARNING] Removed 1 container ('svc' (dock-it/busybox:1, ${started.group(1)}))"
        // the JVM's shutdown hook would run after all of Maven's output, with the plugin's class realm closed
        def result = log.indexOf('[ERROR] Failed to execute goal org.apache.maven.plugins:maven-failsafe-plugin')
        assert result >= 0
        assert log.contains(warning)
        assert log.contains(removed)
        assert log.indexOf(warning) < result
        assert log.indexOf(removed) < result
    },
    // Removes everything of one project, whatever its state.
    cleanup: { String project ->
        kinds.each { kind ->
            (kind.list + ['-q'] + ofProject(project)).execute().text.split().each { (kind.remove + [it]).execute().waitFor() }
        }
    },
]
