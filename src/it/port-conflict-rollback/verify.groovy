def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:port-conflict-rollback'
try {
    def log = new File(basedir, 'build.log').text
    def message = dock.failure(log)
    assert message.startsWith("Container 'clash' (dock-it/busybox:1, ")
    if (dock.podman()) {
        assert message.contains(' could not start: cannot listen on the TCP port: listen tcp4 :18123: bind: address already in use; host port 18123 is published by container')
    } else {
        assert message.contains(' could not start: driver failed programming external connectivity on endpoint port-conflict-rollback-clash-')
        assert message.contains('Bind for 0.0.0.0:18123 failed: port is already allocated; host port 18123 is published by container')
    }
    assert message =~ /host port 18123 is published by container port-conflict-rollback-holder-[0-9a-f]{8} \([0-9a-f]{12}, of io.github.dockmaven.it:port-conflict-rollback\)/
    assert message.endsWith('Free that host port, or let Docker choose a free one by giving only the container port in <port>.')
    assert log.contains('Removed what this execution had created (2 containers) because it failed')
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
