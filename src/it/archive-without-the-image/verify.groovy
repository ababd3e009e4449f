def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
def project = 'io.github.dockmaven.it:archive-without-the-image'
try {
    def log = new File(basedir, 'build.log').text
    def archive = new File(basedir, 'other.tar').canonicalPath
    assert dock.failure(log) == "Container 'app' (dock-it/archive-wanted:1): the archive ${archive} was loaded, but" +
            " it does not hold the image 'dock-it/archive-wanted:1'. Fix <image> or <archive>."
    assert !log.contains('Pulling')
    assert dock.leftovers(project) == ''
} finally {
    dock.cleanup(project)
    ['docker', 'rmi', 'dock-it/archive-other:1'].execute().waitFor()
}
