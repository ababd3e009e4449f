def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:prune-leaves-foreign'
try {
    def log = new File(basedir, 'build.log').text
    assert log =~ /Removed container prune-leaves-foreign-job-[0-9a-f]{8} \([0-9a-f]{12}\)/
    assert log =~ /Removed container prune-leaves-foreign-report-[0-9a-f]{8} \([0-9a-f]{12}\)/
    assert log =~ /Removed network prune-leaves-foreign-net-[0-9a-f]{8}/
    assert log =~ /Removed volume prune-leaves-foreign-vol-cache-[0-9a-f]{8}/
    assert log =~ /Pruned \d+ resources; reclaimed /
    assert dock.leftovers(project) == ''
    assert dock.run(['docker', 'inspect', '-f', '{{.State.Status}}', 'dock-it-foreign-prune']) == 'created'
    assert dock.run(['docker', 'network', 'inspect', '-f', '{{.Name}}', 'dock-it-foreign-prune']) == 'dock-it-foreign-prune'
    assert dock.run(['docker', 'volume', 'inspect', '-f', '{{.Name}}', 'dock-it-foreign-prune']) == 'dock-it-foreign-prune'
} finally {
    dock.cleanup(project)
    ['docker', 'rm', '-f', 'dock-it-foreign-prune'].execute().waitFor()
    ['docker', 'network', 'rm', 'dock-it-foreign-prune'].execute().waitFor()
    ['docker', 'volume', 'rm', 'dock-it-foreign-prune'].execute().waitFor()
}
