// A container nobody's plugin created, of the same image: remove must leave it alone.
['docker', 'rm', '-f', 'dock-it-foreign-remove'].execute().waitFor()
def p = ['docker', 'run', '-d', '--name', 'dock-it-foreign-remove', 'dock-it/busybox:1', 'sleep', '600'].execute()
p.waitFor()
assert p.exitValue() == 0 : p.err.text
