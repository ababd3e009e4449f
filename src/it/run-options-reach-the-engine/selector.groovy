// Left out of the Podman pass (scripts/test-podman.sh): <init>true</init> needs Podman's container-init binary
// (catatonit), which the pass does not install, and Podman 4.3 may not know the host-gateway address of extraHosts.
// The options' mapping is proven on Docker here and by DockerJavaEngineIT; Podman support is an open issue.
def dock = evaluate(new File(basedir, '../../../src/it/lib.groovy'))
return !dock.podman()
