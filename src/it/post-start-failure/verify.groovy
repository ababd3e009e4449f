def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:post-start-failure'
try {
    def log = new File(basedir, 'build.log').text
    def failures = dock.failures(log).collect { it.replaceAll(/[0-9a-f]{12}/, 'SHORTID') }
    assert failures.size() == 3
    assert failures[0] == """Container 'exits' (dock-it/busybox:1, SHORTID): <postStart> command 'sh -c 'echo about to fail >&2; exit 4'' exited with code 4. Last line of its output:
  | about to fail"""
    // The engine runs nothing and says why, as the command's output: Docker with exit code 126 (127 on newer
    // engines) and one line, Podman with 127 and a second line about the attach connection it closed.
    assert failures[1] ==~ /(?s)Container 'missing' \(dock-it\/busybox:1, SHORTID\): <postStart> command 'no-such-program --version' could not be run \(exit code 12[67]\): the program is not in the image, or not executable\. Last (line|2 lines) of its output:\n  \| [^\n]*no-such-program[^\n]*(\n  \| [^\n]*)?/
    def source = new File(basedir, 'src/test/absent.conf').canonicalPath
    assert failures[2] == "Container 'exits': <copyIn><entry><from>src/test/absent.conf</from> does not exist (${source})." +
            " Create it, or fix the path (a relative path is resolved against the project's directory)."
    // the failed starts removed what they had created; the bad configuration created nothing
    assert log.count('because it failed') == 2
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
