// When the builds began, for verify.groovy's look at the engine's create events.
def began = new File(basedir, 'began.txt')
began.text = (System.currentTimeMillis().intdiv(1000) - 1).toString()
assert began.exists()
