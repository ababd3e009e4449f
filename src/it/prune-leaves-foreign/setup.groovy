// Foreign resources of every kind prune handles: a stopped container, an unused network, an unused volume.
['docker', 'rm', '-f', 'dock-it-foreign-prune'].execute().waitFor()
['docker', 'network', 'rm', 'dock-it-foreign-prune'].execute().waitFor()
['docker', 'volume', 'rm', 'dock-it-foreign-prune'].execute().waitFor()
for (cmd in [['docker', 'create', '--name', 'dock-it-foreign-prune', 'dock-it/busybox:1', 'true'],
             ['docker', 'network', 'create', 'dock-it-foreign-prune'],
             ['docker', 'volume', 'create', 'dock-it-foreign-prune']]) {
    def p = cmd.execute()
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
}
