package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.EngineException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Podman fails an inspection that meets the container's exit; asked again, it answers. */
class InspectionDuringExitTest {

    private static final String ID = "3f2a1c9b04de77aa3f2a1c9b04de77aa3f2a1c9b04de77aa3f2a1c9b04de77aa";
    private static final String EXITING =
            "{\"cause\":\"no such process\",\"message\":\"read /proc/24732/cgroup: no such process\",\"response\":500}";
    private static final String EXITED =
            "{\"Id\":\"" + ID + "\",\"Name\":\"/app\",\"Config\":{\"Image\":\"dock-it/busybox:1\""
                    + ",\"Labels\":{}},\"State\":{\"Status\":\"exited\",\"Running\":false,\"ExitCode\":3}}";

    @TempDir
    Path temp;

    private final AtomicInteger inspections = new AtomicInteger();

    /** Answers the first {@code failing} inspections with {@code failure}, the next ones with the exited container. */
    private RestartingEngine engine(int failing, String failure) throws Exception {
        return new RestartingEngine(temp.resolve("engine.sock"), head -> {
            if (!head.startsWith("GET /containers/" + ID + "/json")) {
                return RestartingEngine.json(200, "{}");
            }
            return inspections.incrementAndGet() <= failing
                    ? RestartingEngine.json(500, failure)
                    : RestartingEngine.json(200, EXITED);
        });
    }

    private DockerJavaEngine client() {
        return new DockerJavaEngine(new EngineEndpoint("unix://" + temp.resolve("engine.sock"), null, "test"));
    }

    @Test
    void anInspectionThatMetTheExitIsAskedAgain() throws Exception {
        try (RestartingEngine fake = engine(2, EXITING);
                DockerJavaEngine engine = client()) {
            Optional<ContainerInfo> info = engine.inspect(ID);

            assertThat(info).hasValueSatisfying(container -> {
                assertThat(container.status()).isEqualTo(ContainerInfo.Status.EXITED);
                assertThat(container.exitCode()).isEqualTo(3);
            });
        }
        assertThat(inspections).hasValue(3);
    }

    @Test
    void anInspectionThatKeepsFailingSoFailsInTheEnd() throws Exception {
        try (RestartingEngine fake = engine(Integer.MAX_VALUE, EXITING);
                DockerJavaEngine engine = client()) {
            assertThatThrownBy(() -> engine.inspect(ID))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("read /proc/24732/cgroup: no such process");
        }
        assertThat(inspections).hasValue(3);
    }

    @Test
    void anyOtherFailureOfTheEngineIsNotAskedAgain() throws Exception {
        try (RestartingEngine fake = engine(Integer.MAX_VALUE, "{\"message\":\"database is locked\"}");
                DockerJavaEngine engine = client()) {
            assertThatThrownBy(() -> engine.inspect(ID)).hasMessageContaining("database is locked");
        }
        assertThat(inspections).hasValue(1);
    }
}
