// A container nobody's plugin created holds the name dock-it-clash-foreign.
['docker', 'rm', '-f', 'dock-it-clash-foreign'].execute().waitFor()
def p = ['docker', 'run', '-d', '--name', 'dock-it-clash-foreign', 'dock-it/busybox:1', 'sleep', '600'].execute()
p.waitFor()
assert p.exitValue() == 0 : p.err.text
