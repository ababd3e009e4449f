import java.nio.file.Files
import java.util.concurrent.TimeUnit

// The invoker's build ran alone (builds=1) and resolved everything. Now two copies of the project are built at once,
// each in its own Maven process on the same daemon, started as the invoker starts its builds (see the properties at the
// top of the plugin's POM): its Maven, settings, local repository, properties and MAVEN_OPTS, without the outer build's
// MAVEN_ARGS. (Two: with three on a loaded 2-core machine, one build's first ping of the engine once took over 3s, the
// locator's limit then.)
def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:parallel-builds'
def copies = (1..2).collect { new File(basedir, "copies/copy-${it}") }
List<Process> processes = []
try {
    def log = new File(basedir, 'build.log').text
    assert log =~ /Tests run: 1, Failures: 0, Errors: 0/
    assert new File(basedir, 'target/dock/client.log').text == 'client got invoker\n'
    assert dock.leftovers(project) == ''

    new File(basedir, 'copies').deleteDir()
    def settings = new File(basedir, 'copies/settings.xml')
    settings.parentFile.mkdirs()
    settings.text = new File(basedir, '../../../src/it/settings.xml').text
            .replace('@localRepositoryUrl@', new File(mainLocalRepository).toURI().toString())
    def mvn = new File(mavenHome, 'bin/mvn').path
    copies.eachWithIndex { dir, i ->
        dir.mkdirs()
        new File(dir, 'pom.xml').text = new File(basedir, 'pom.xml').text
                .replace('<relativePath>../parent/pom.xml</relativePath>', '<relativePath>../../../parent/pom.xml</relativePath>')
        def src = new File(basedir, 'src').toPath()
        Files.walk(src).each { Files.copy(it, dir.toPath().resolve('src').resolve(src.relativize(it).toString())) }
        def builder = new ProcessBuilder(mvn, '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
                "-Ddock.version=${dockVersion}", "-Djunit.version=${junitVersion}", "-Dfailsafe.version=${failsafeVersion}",
                "-Dbusybox=${busybox}", "-Dbuilds=${copies.size()}", "-Dmarker=${dir.name}", "-Dfirst=${i == 0}",
                "-Drendezvous=${new File(basedir, 'copies').path}", 'verify')
                .directory(dir)
                .redirectErrorStream(true)
                .redirectOutput(new File(dir, 'build.log'))
        builder.environment().remove('MAVEN_ARGS')
        builder.environment().put('MAVEN_OPTS', mavenOpts)
        processes << builder.start()
    }
    processes.each { assert it.waitFor(8, TimeUnit.MINUTES) : 'a copy did not finish within 8 minutes' }

    copies.eachWithIndex { dir, i ->
        def copyLog = new File(dir, 'build.log').text
        assert processes[i].exitValue() == 0 : "${dir.name} failed, see ${dir}/build.log"
        assert copyLog =~ /Tests run: 1, Failures: 0, Errors: 0/
        assert copyLog =~ /Killed and removed 'client' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
        assert copyLog =~ /Stopped and removed 'web' \(dock-it\/busybox:1, [0-9a-f]{12}\) in /
        // 'web' on this build's network is this build's web, whose volume held this build's marker only.
        assert new File(dir, 'target/dock/client.log').text == "client got ${dir.name}\n"
    }
    assert dock.leftovers(project) == ''
} finally {
    processes.each { if (it.alive) { it.destroyForcibly() } }
    dock.cleanup(project)
}
