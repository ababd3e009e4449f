// Shared by the verify.groovy scripts: `def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))`.
// They assert first, then clean up in a finally block, so a cleanup never hides a failure.
[
    run: { List<String> cmd ->
        def p = cmd.execute()
        def out = new StringBuilder(), err = new StringBuilder()
        p.consumeProcessOutput(out, err)
        p.waitFor()
        out.toString().trim()
    },
    // Everything of one project this plugin left: containers, networks, volumes (empty string when none).
    leftovers: { String project ->
        def label = "label=io.github.dockmaven.project=${project}"
        def c = ['docker', 'ps', '-a', '--format', '{{.Names}} {{.Status}}', '--filter', label].execute().text.trim()
        def n = ['docker', 'network', 'ls', '--format', '{{.Name}}', '--filter', label].execute().text.trim()
        def v = ['docker', 'volume', 'ls', '--format', '{{.Name}}', '--filter', label].execute().text.trim()
        [c, n, v].findAll { it }.join('\n')
    },
    // The message Maven printed under BUILD FAILURE for a goal of this plugin, without Maven's [ERROR] prefixes.
    failure: { String log ->
        def m = log =~ /(?s)\[ERROR\] Failed to execute goal io\.github\.dockmaven:dock-maven-plugin:[^ ]+ \([^)]*\) on project [^:]+: (.*?)(?:\n\[ERROR\])? -> \[Help 1\]/
        if (!m.find()) {
            throw new AssertionError('build.log holds no failure of dock-maven-plugin')
        }
        m.group(1).replaceAll(/\n\[ERROR\] ?/, '\n')
    },
    // Every such message, in the order of the Maven runs that printed them.
    failures: { String log ->
        def m = log =~ /(?s)\[ERROR\] Failed to execute goal io\.github\.dockmaven:dock-maven-plugin:[^ ]+ \([^)]*\) on project [^:]+: (.*?)(?:\n\[ERROR\])? -> \[Help 1\]/
        m.collect { it[1].replaceAll(/\n\[ERROR\] ?/, '\n') }
    },
    // Whether the docker CLI talks to Podman (scripts/test-podman.sh): a few engine texts are its own.
    podman: { ->
        ['docker', 'version', '--format', '{{range .Server.Components}}{{.Name}} {{end}}'].execute().text.contains('Podman')
    },
    cleanup: { String project ->
        def label = "label=io.github.dockmaven.project=${project}"
        ['docker', 'ps', '-aq', '--filter', label].execute().text.split().each { ['docker', 'rm', '-f', it].execute().waitFor() }
        ['docker', 'network', 'ls', '-q', '--filter', label].execute().text.split().each { ['docker', 'network', 'rm', it].execute().waitFor() }
        ['docker', 'volume', 'ls', '-q', '--filter', label].execute().text.split().each { ['docker', 'volume', 'rm', '-f', it].execute().waitFor() }
    },
]
