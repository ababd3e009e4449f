// A bind source must exist before dock:run: the writable mount's directory.
new File(basedir, 'target/out').mkdirs()
