def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:engine-address-must-answer'
try {
    def log = new File(basedir, 'build.log').text
    assert dock.failures(log) == [
        '''Cannot reach the Docker engine given by dock.host (tcp://127.0.0.1:1): no answer (Connect to http://127.0.0.1:1 failed: Connection refused). The build uses only that engine: start it, correct dock.host, or remove it to use DOCKER_HOST, the Docker context or the usual sockets.''',
        '''Cannot reach the Docker engine given by DOCKER_HOST (tcp://127.0.0.1:1): no answer (Connect to http://127.0.0.1:1 failed: Connection refused). The build uses only that engine: start it, correct DOCKER_HOST, or unset it to use the Docker context or the usual sockets.''',
    ]
    // the environment is broken, not the project (MojoExecutionException), said without a stack trace
    assert log.count('MojoExecutionException') == 2
    assert !log.contains('\tat ')
    assert !log.contains("Started '")
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
