def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:image-built-from-dockerfile'
def tag = 'dock/image-built-from-dockerfile-app:latest'
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Building image ${tag} of 'app' from ")
    assert log =~ /Built dock\/image-built-from-dockerfile-app:latest \([0-9a-f]{12}\) for 'app' in /
    assert log =~ /\[app-build\] (Step|STEP) \d\/\d ?: RUN test ! -e \/context\/secret.txt/
    assert log.contains("Started 'app' (${tag}, ")
    assert log =~ /Tests run: 2, Failures: 0, Errors: 0/
    def buildLog = new File(basedir, 'target/dock/app-build.log').text
    assert buildLog =~ /(?m)^(Step|STEP) 1\/\d ?: FROM dock-it\/busybox:1 AS serve$/
    // the Dockerfile's own lines hold these texts too: only a line of their own is what the RUN step printed
    assert !(buildLog =~ /(?m)^the target stage was ignored$/)
    assert !(buildLog =~ /(?m)^secret.txt was sent to the engine$/)
    // the second Maven run, remove -Ddock.removeImages, removed the image the first one built
    assert log.contains("Removed image ${tag}")
    assert dock.run(['docker', 'images', '-q', tag]) == ''
    assert dock.run(['docker', 'images', '-q', '--filter', "label=io.github.dockmaven.project=${project}"]) == ''
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
    ['docker', 'rmi', tag].execute().waitFor()
}
