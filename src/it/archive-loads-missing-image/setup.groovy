// An image that is not on the engine, but in a docker save archive next to the POM: dock:run must load it from there.
def run = { List<String> cmd ->
    def p = cmd.execute()
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 : "${cmd.join(' ')}: ${err}"
}
['docker', 'rmi', 'dock-it/archive-loaded:1'].execute().waitFor()
run(['docker', 'tag', 'dock-it/busybox:1', 'dock-it/archive-loaded:1'])
run(['docker', 'save', '-o', new File(basedir, 'image.tar').path, 'dock-it/archive-loaded:1'])
run(['docker', 'rmi', 'dock-it/archive-loaded:1'])
assert ['docker', 'image', 'inspect', 'dock-it/archive-loaded:1'].execute().waitFor() != 0
