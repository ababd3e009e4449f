// Left out of the Podman pass (scripts/test-podman.sh): Podman 4.3's image list does not answer the label filter
// that dock:remove -Ddock.removeImages uses to find the images we built, so the second goal finds nothing to remove.
// The build itself, its log and the IT pass on Podman; the removal is an open issue there.
def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
return !dock.podman()
