// A network this plugin did not create, with a foreign web server on it.
def sh = { List<String> cmd ->
    def p = cmd.execute()
    p.waitFor()
    assert p.exitValue() == 0 : "${cmd.join(' ')}: ${p.err.text}"
}
['docker', 'rm', '-f', 'dock-it-compose-peer'].execute().waitFor()
['docker', 'network', 'rm', 'dock-it-compose-ext'].execute().waitFor()
sh(['docker', 'network', 'create', 'dock-it-compose-ext'])
sh(['docker', 'run', '-d', '--name', 'dock-it-compose-peer', '--network', 'dock-it-compose-ext', 'dock-it/busybox:1',
    'sh', '-c', 'mkdir -p /www; echo peer-data > /www/index.html; exec httpd -f -p 8080 -h /www'])
