def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:fixed-name-clash'
def masked = { String message ->
    message.replaceAll(/[0-9a-f]{12}/, '<id>').replaceAll(/build [0-9a-f]{8}/, 'build <session>')
            .replaceAll(/Maven process \S+\/\d+/, 'Maven process <host>/<pid>')
}
try {
    // One part per Maven run; the first part is the pre-build script's.
    def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
    assert runs.size() == 4
    assert runs[0] =~ /Started 'svc' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    assert runs[0].contains('The containers keep running after Maven exits; stop them with mvn dock:stop')

    assert masked(dock.failure(runs[1])) == "Container 'svc' (dock-it/busybox:1) cannot be created: the name" +
            " 'dock-it-clash-ours' is already in use by container <id>, which mvn dock:run started for" +
            " io.github.dockmaven.it:fixed-name-clash in build <session> (Maven process <host>/<pid>) and left running." +
            " Choose another <name>, or remove that container with mvn dock:stop."
    assert masked(dock.failure(runs[2])) == "Container 'svc' (dock-it/busybox:1) cannot be created: the name" +
            " 'dock-it-clash-foreign' is already in use by container <id>, which was not created by this plugin." +
            " Choose another <name>, or remove that container."

    assert runs[3] =~ /Killed and removed 'svc' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
    // The failed builds removed their networks; run 4 removed what run 1 left.
    assert dock.leftovers(project) == ''
    assert dock.run(['docker', 'inspect', '-f', '{{.State.Running}}', 'dock-it-clash-foreign']) == 'true'
} finally {
    dock.cleanup(project)
    ['docker', 'rm', '-f', 'dock-it-clash-foreign'].execute().waitFor()
}
