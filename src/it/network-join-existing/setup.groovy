// Two networks this plugin did not create, and a foreign web server on the first one.
def sh = { List<String> cmd ->
    def p = cmd.execute()
    p.waitFor()
    assert p.exitValue() == 0 : "${cmd.join(' ')}: ${p.err.text}"
}
['docker', 'rm', '-f', 'dock-it-joined-peer'].execute().waitFor()
['dock-it-joined-net', 'dock-it-joined-other'].each { ['docker', 'network', 'rm', it].execute().waitFor() }
sh(['docker', 'network', 'create', 'dock-it-joined-net'])
sh(['docker', 'network', 'create', 'dock-it-joined-other'])
sh(['docker', 'run', '-d', '--name', 'dock-it-joined-peer', '--network', 'dock-it-joined-net', 'dock-it/busybox:1',
    'sh', '-c', 'mkdir -p /www; echo peer-data > /www/index.html; exec httpd -f -p 8080 -h /www'])
