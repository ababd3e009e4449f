def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:build-failure-message'
try {
    def log = new File(basedir, 'build.log').text
    // image ids and intermediate container ids differ from run to run
    def message = dock.failure(log).replaceAll(/\b[0-9a-f]{12}\b/, '<id>')
    if (dock.podman()) {
        assert message.startsWith("Could not build the image of container 'app' (dock/build-failure-message-app:latest): the step RUN echo \"about to fail (build-failure-message)\" && exit 3 failed: ")
        assert message.contains('about to fail (build-failure-message)')
    } else {
        // Docker's classic builder adds our labels as three LABEL steps after the Dockerfile's three; the last
        // line is forcerm removing the failed step's container
        assert message == """Could not build the image of container 'app' (dock/build-failure-message-app:latest): the step RUN echo "about to fail (build-failure-message)" && exit 3 failed: The command '/bin/sh -c echo "about to fail (build-failure-message)" && exit 3' returned a non-zero code: 3. Last lines of the build's output:
  Step 1/6 : FROM dock-it/busybox:1
   ---> <id>
  Step 2/6 : RUN echo preparing
   ---> Running in <id>
  preparing
  Removing intermediate container <id>
   ---> <id>
  Step 3/6 : RUN echo "about to fail (build-failure-message)" && exit 3
   ---> Running in <id>
  about to fail (build-failure-message)
  Removing intermediate container <id>"""
    }
    def buildLog = new File(basedir, 'target/dock/app-build.log').text
    assert buildLog.contains('about to fail (build-failure-message)\n')
    // The step before the failing one left an image (the last one the log names: Podman prints none for FROM), untagged
    // and without our labels, which the engine adds after the Dockerfile's last step: the build removes it.
    def stepImages = (buildLog =~ /(?m)^\s*-+>\s+([0-9a-f]{11,64})\s*$/).collect { it[1] }
    assert !stepImages.isEmpty()
    def images = dock.run(['docker', 'images', '-a', '-q', '--no-trunc']).readLines()*.replaceFirst(/^sha256:/, '')
    assert !images.any { it.startsWith(stepImages.last()) }
    assert dock.leftovers(project) == ''
    // an intermediate container of the failed step would still hold its command
    def all = dock.run(['docker', 'ps', '-a', '--no-trunc', '--format', '{{.Command}}'])
    assert !all.contains('about to fail (build-failure-message)')
    assert dock.run(['docker', 'images', '-q', 'dock/build-failure-message-app:latest']) == ''
} finally {
    dock.cleanup(project)
}
