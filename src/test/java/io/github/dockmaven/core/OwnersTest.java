package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
    void aKilledProcessThatNobodyReapedIsNotRunning() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "zombies are found in /proc");
        // sh starts a short child, then becomes sleep, which never reaps it: the child stays a zombie
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 30").start();
        try {
            long child = Long.parseLong(
                    new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                            .readLine()
                            .trim());
            ProcessHandle zombie = ProcessHandle.of(child).orElseThrow();
            Thread.sleep(1000);

            assertThat(zombie.isAlive()).as("what the JDK thinks").isTrue();
            assertThat(Owners.isRunning(zombie)).isFalse();
            assertThat(Owners.isRunning(ProcessHandle.current())).isTrue();
        } finally {
            parent.destroyForcibly();
        }
    }
}
