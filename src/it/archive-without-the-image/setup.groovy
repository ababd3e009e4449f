// An archive that holds another image than the container's: dock:run must say so, naming both.
def run = { List<String> cmd ->
    def p = cmd.execute()
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 : "${cmd.join(' ')}: ${err}"
}
['docker', 'rmi', 'dock-it/archive-other:1', 'dock-it/archive-wanted:1'].execute().waitFor()
run(['docker', 'tag', 'dock-it/busybox:1', 'dock-it/archive-other:1'])
run(['docker', 'save', '-o', new File(basedir, 'other.tar').path, 'dock-it/archive-other:1'])
run(['docker', 'rmi', 'dock-it/archive-other:1'])
// (a hook script that returns a value other than null or true makes the invoker skip the build)
assert ['docker', 'image', 'inspect', 'dock-it/archive-wanted:1'].execute().waitFor() != 0
