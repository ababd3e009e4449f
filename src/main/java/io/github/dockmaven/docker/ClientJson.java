package io.github.dockmaven.docker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.CreateNetworkResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.ListVolumesResponse;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import com.github.dockerjava.core.command.CreateNetworkCmdImpl;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one JSON mapper of every docker-java client in this JVM, and its warm-up.
 *
 * <p>docker-java gives each client its own copy of its mapper, and a copy starts without the (de)serializers it
 * builds for each type on first use: in a fresh Maven JVM, building and loading those is most of what the first
 * request of each kind costs. Sharing one mapper lets them be built once, and {@link #warmUp} builds the ones a
 * {@code run} needs on another thread while Maven looks for the engine, instead of on the way to the first container.
 */
final class ClientJson {

    private static final AtomicBoolean WARMED = new AtomicBoolean();

    private ClientJson() {}

    private static final class Holder {
        static final ObjectMapper MAPPER = DockerClientConfig.getDefaultObjectMapper();
    }

    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** {@code config}, answering with the shared mapper. */
    static DockerClientConfig sharing(DockerClientConfig config) {
        return new Shared(config);
    }

    /**
     * Runs {@link #prepare}, once per JVM and on {@code executor}. Nothing depends on it: a request that comes first
     * builds what it needs itself.
     */
    static void warmUp(Executor executor) {
        if (!WARMED.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                prepare();
            } catch (IOException | RuntimeException | LinkageError ignored) {
                // only a head start
            }
        });
    }

    /** Builds what the requests of a {@code run} and a {@code stop} write and parse. */
    static void prepare() throws IOException {
        ObjectMapper json = mapper();
        // the commands insist on an executor, which writing them never calls
        json.writeValueAsBytes(new CreateNetworkCmdImpl(command -> null));
        json.writeValueAsBytes(new CreateContainerCmdImpl(command -> null, null, "warm-up"));
        json.readValue("[]", new TypeReference<List<Container>>() {});
        json.readValue("{}", CreateContainerResponse.class);
        json.readValue("{}", InspectContainerResponse.class);
        json.readValue("[]", new TypeReference<List<Network>>() {});
        json.readValue("{}", ListVolumesResponse.class);
        json.readValue("{}", InspectImageResponse.class);
        json.readValue("{}", CreateNetworkResponse.class);
        json.readValue("{}", Version.class);
    }

    /** A client configuration that hands out the shared mapper instead of a copy of its own. */
    private record Shared(DockerClientConfig config) implements DockerClientConfig {

        @Override
        public ObjectMapper getObjectMapper() {
            return mapper();
        }

        @Override
        public URI getDockerHost() {
            return config.getDockerHost();
        }

        @Override
        public RemoteApiVersion getApiVersion() {
            return config.getApiVersion();
        }

        @Override
        public String getRegistryUsername() {
            return config.getRegistryUsername();
        }

        @Override
        public String getRegistryPassword() {
            return config.getRegistryPassword();
        }

        @Override
        public String getRegistryEmail() {
            return config.getRegistryEmail();
        }

        @Override
        public String getRegistryUrl() {
            return config.getRegistryUrl();
        }

        @Override
        public AuthConfig effectiveAuthConfig(String imageName) {
            return config.effectiveAuthConfig(imageName);
        }

        @Override
        public AuthConfigurations getAuthConfigurations() {
            return config.getAuthConfigurations();
        }

        @Override
        public SSLConfig getSSLConfig() {
            return config.getSSLConfig();
        }

        @Override
        public String toString() {
            return config.toString();
        }
    }
}
