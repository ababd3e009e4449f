def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:dependency-order-and-alias-dns'
try {
    def log = new File(basedir, 'build.log').text
    def at = { String text ->
        int i = log.indexOf(text)
        assert i >= 0 : "build.log has no '${text}'"
        i
    }
    // Alias DNS over the build's network: api fetched db's page by the name 'db', web fetched api's by 'api'.
    at('[api] api got db-data')
    at('[web] web got api-data')
    assert log =~ /Started 'web' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /

    // Dependency order: each one's first output comes after what it depends on was ready.
    assert at("Started 'db' (") < at('[api] api got db-data')
    assert at("Started 'api' (") < at('[web] web got api-data')

    // Overlap: solo was already running before db was ready, and the chain db -> api -> web was done before solo
    // (8s) was ready: the set-up took the longest chain, not the sum.
    assert at('[solo] solo starting') < at("Started 'db' (")
    assert at("Started 'web' (") < at("Started 'solo' (")
    // The whole set-up took less than its containers' start times added up.
    def millis = { String d ->
        def m = d =~ /^(?:(\d+)m)?(?:([\d.]+)s)?(?:(\d+)ms)?$/
        assert m.matches() : d
        (m.group(1) ?: '0').toLong() * 60000 + ((m.group(2) ?: '0').toBigDecimal() * 1000).toLong() + (m.group(3) ?: '0').toLong()
    }
    def each = (log =~ /Started '[a-z]+' \(dock-it\/busybox:1, [0-9a-f]{12}\) in (\S+?)[;\n]/).collect { millis(it[1]) }
    assert each.size() == 4
    def total = log =~ /Started 4 containers in (\S+)\n/
    assert total.find()
    assert millis(total.group(1)) < each.sum()

    // Reverse order at stop: web before api before db.
    assert at("Stopped and removed 'web' (") < at("Stopped and removed 'api' (")
    assert at("Stopped and removed 'api' (") < at("Stopped and removed 'db' (")
    at("Killed and removed 'solo' (")

    assert log.contains('BUILD SUCCESS')
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
}
