package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnersTest {

    private static final String HOST = Owners.self().substring(0, Owners.self().lastIndexOf('/'));

    private static Map<String, String> ownedBy(String owner, String process) {
        return process == null
                ? Map.of(Labels.OWNER, owner)
                : Map.of(Labels.OWNER, owner, Labels.OWNER_PROCESS, process);
    }

    private static String namespace() {
        String self = Owners.selfProcess();
        return self.substring(0, self.lastIndexOf('@'));
    }

    @Test
    void whatThisProcessCreatesIsOwnedByALiveProcess() {
        Map<String, String> labels =
                new Scope("com.example:shop", "shop", "s1", "default", Labels.MODE_LIFECYCLE, Owners.self()).labels();

        assertThat(labels).containsEntry(Labels.OWNER_PROCESS, Owners.selfProcess());
        assertThat(Owners.isAlive(labels)).isTrue();
    }

    @Test
    void anOwnerWhoseProcessEndedIsDead() throws Exception {
        long pid = Processes.deadPid();

        assertThat(Owners.isAlive(ownedBy(HOST + "/" + pid, null))).isFalse();
        assertThat(Owners.isAlive(ownedBy(HOST + "/" + pid, namespace() + "@1700000000")))
                .isFalse();
    }

    @Test
    void aPidNowUsedByAnotherProcessIsNotTheOwner() throws Exception {
        Process other = Processes.sleeper();
        try {
            long started = other.info().startInstant().orElseThrow().getEpochSecond();

            assertThat(Owners.isAlive(ownedBy(HOST + "/" + other.pid(), namespace() + "@" + started)))
                    .isTrue();
            assertThat(Owners.isAlive(ownedBy(HOST + "/" + other.pid(), namespace() + "@" + (started - 3600))))
                    .isFalse();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aBuildInAnotherPidNamespaceOfAHostOfTheSameNameCountsAsAlive() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/ns/pid")), "pid namespaces are Linux's");
        long pid = Processes.deadPid();

        assertThat(Owners.isAlive(ownedBy(HOST + "/" + pid, "pid:[1]@1700000000")))
                .isTrue();
    }

    @Test
    void anOwnerOnAnotherHostCountsAsAlive() {
        assertThat(Owners.isAlive(ownedBy("some-other-host-" + HOST + "/1", null)))
                .isTrue();
    }

    @Test
    void withoutAnOwnerLabelNothingIsAlive() {
        assertThat(Owners.isAlive(Map.of())).isFalse();
    }

    @Test
    void aKilledProcessThatNobodyReapedIsAZombieWhichIsNotRunning() {
        // what the kernel says of a child that exited before its parent waited for it, which the JDK counts as alive
        assertThat(Owners.isZombie("4711 (sleep) Z 4242 4242 1 0 -1 4227084 118 0 0 0 0 0 0 0 20 0 1 0"))
                .isTrue();
        assertThat(Owners.isZombie("4711 (sleep) S 4242 4242 1 0 -1 4194304 118 0 0 0 0 0 0 0 20 0 1 0"))
                .isFalse();
    }

    @Test
    void theStateIsReadAfterACommandNameThatHoldsSpacesAndParentheses() {
        assertThat(Owners.isZombie("4711 (a) Z (b) R 4242 4242")).isFalse();
        assertThat(Owners.isZombie("4711 (a) R (b) Z 4242 4242")).isTrue();
        assertThat(Owners.isZombie("garbage")).isFalse();
    }

    @Test
    void thisProcessRuns() {
        assertThat(Owners.isRunning(ProcessHandle.current())).isTrue();
    }
}
