def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:stop-stubborn-container'
try {
    def log = new File(basedir, 'build.log').text
    def stubborn = log =~ /Stopped and removed 'stubborn' \(dock-it\/busybox:1, [0-9a-f]{12}\) in ([0-9.]+)(m?s)/
    assert stubborn.find() : log
    def seconds = Double.parseDouble(stubborn.group(1)) / (stubborn.group(2) == 'ms' ? 1000 : 1)
    // its 1 s grace period, then SIGKILL: nowhere near Docker's default 10 s
    assert seconds >= 0.9 && seconds < 5 : "stubborn took ${seconds}s"
    // kill does not wait for the default 3 s grace period
    def killed = log =~ /Killed and removed 'killed' \(dock-it\/busybox:1, [0-9a-f]{12}\) in ([0-9.]+)(m?s)/
    assert killed.find() : log
    def killSeconds = Double.parseDouble(killed.group(1)) / (killed.group(2) == 'ms' ? 1000 : 1)
    assert killSeconds < 2.5 : "kill took ${killSeconds}s"
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
