def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:reuse-across-builds'
try {
    def log = new File(basedir, 'build.log').text
    // What happened to 'db', build by build, with its short id
    def db = (log =~ /(Started|Reusing|Replacing the reused container|Leaving|Killed and removed) 'db' \(dock-it\/busybox:1, ([0-9a-f]{12})\)/)
            .collect { [it[1], it[2]] }
    assert db.size() == 10 : db
    def (a, b, c) = [db[0][1], db[5][1], db[7][1]]
    assert [a, b, c].unique().size() == 3 : db
    assert db == [
        ['Started', a], ['Leaving', a],                                  // 1: created, kept
        ['Reusing', a], ['Leaving', a],                                  // 2: used again
        ['Replacing the reused container', a], ['Started', b], ['Leaving', b], // 3: replaced
        ['Started', c], ['Killed and removed', c],                        // 4: without dock.reuse: its own
        ['Killed and removed', b],                                       // 5: dock:remove
    ]
    assert log.contains("Replacing the reused container 'db' (dock-it/busybox:1, ${a}): its configuration changed (env)")
    assert log.contains("Leaving 'db' (dock-it/busybox:1, ${a}) running for the next build (<reuse>); mvn dock:remove removes it")
    assert log =~ /Reused 'db' \(dock-it\/busybox:1, ${a}\), ready in /
    assert (log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed/).size() == 4
    assert !log.contains('BUILD FAILURE')

    // The engine's own account: 'db' was created by builds 1, 3 and 4 only. (Podman joins the label filters of an
    // event stream with OR, which lists the project's other creates too: there the ids above are the proof.)
    if (!dock.podman()) {
        def began = new File(basedir, 'began.txt').text.trim()
        def until = (System.currentTimeMillis().intdiv(1000) + 1).toString()
        def creates = dock.run(['docker', 'events', '--since', began, '--until', until,
                '--filter', 'type=container', '--filter', 'event=create',
                '--filter', "label=io.github.dockmaven.project=${project}".toString(),
                '--filter', 'label=io.github.dockmaven.alias=db', '--format', '{{.ID}}'])
        assert creates.readLines().collect { it.take(12) } == [a, b, c]
    }

    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
