package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.docker.RegistryAuth.Credentials;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

class SettingsServersTest {

    private final List<String> decrypted = new ArrayList<>();

    private static Server server(String id, String user, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        return server;
    }

    /** A decrypter that "decrypts" {secret} to secret, and fails on {broken}. */
    private SettingsDecrypter decrypter() {
        return request -> {
            Server in = request.getServers().get(0);
            decrypted.add(in.getId());
            Server out = in.clone();
            List<SettingsProblem> problems = new ArrayList<>();
            if (in.getPassword().equals("{broken}")) {
                problems.add(new DefaultSettingsProblem(
                        "Failed to decrypt password for server " + in.getId() + ": master password is not set",
                        SettingsProblem.Severity.ERROR,
                        "server: " + in.getId(),
                        -1,
                        -1,
                        null));
            } else if (in.getPassword().startsWith("{")) {
                out.setPassword(in.getPassword().substring(1, in.getPassword().length() - 1));
            }
            return result(out, problems);
        };
    }

    private static SettingsDecryptionResult result(Server server, List<SettingsProblem> problems) {
        return new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return server;
            }

            @Override
            public List<Server> getServers() {
                return List.of(server);
            }

            @Override
            public Proxy getProxy() {
                return null;
            }

            @Override
            public List<Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return problems;
            }
        };
    }

    @Test
    void theServerWhoseIdIsTheRegistryGivesItsDecryptedPassword() {
        SettingsServers servers = new SettingsServers(
                List.of(server("nexus", "u", "p"), server("ghcr.io", "octo", "{token}")), decrypter());

        Credentials found = servers.forRegistry("ghcr.io").orElseThrow();

        assertThat(found)
                .isEqualTo(new Credentials("ghcr.io", "octo", "token", null, "Maven settings <server> 'ghcr.io'"));
        assertThat(decrypted).containsExactly("ghcr.io");
    }

    @Test
    void dockerHubIsFoundUnderAnyOfItsNames() {
        SettingsServers servers = new SettingsServers(List.of(server("index.docker.io", "hub", "pw")), decrypter());

        assertThat(servers.forRegistry("docker.io").orElseThrow().serverAddress())
                .isEqualTo("https://index.docker.io/v1/");
    }

    @Test
    void noMatchingServerMeansNoCredentialsAndNothingDecrypted() {
        SettingsServers servers = new SettingsServers(List.of(server("nexus", "u", "{broken}")), decrypter());

        assertThat(servers.forRegistry("ghcr.io")).isEmpty();
        assertThat(decrypted).isEmpty();
    }

    @Test
    void aPasswordThatCannotBeDecryptedFailsWithTheServerAndTheFix() {
        SettingsServers servers = new SettingsServers(List.of(server("ghcr.io", "octo", "{broken}")), decrypter());

        assertThatThrownBy(() -> servers.forRegistry("ghcr.io"))
                .isInstanceOf(EngineException.class)
                .hasMessage("Cannot decrypt the password of <server> 'ghcr.io' in Maven's settings.xml: Failed to"
                        + " decrypt password for server ghcr.io: master password is not set. Check the master password"
                        + " in settings-security.xml (mvn --encrypt-master-password), or encrypt the password again"
                        + " (mvn --encrypt-password).");
    }
}
