package io.github.dockmaven.maven;

import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.docker.RegistryAuth.Credentials;
import io.github.dockmaven.docker.RegistryCredentials;
import java.util.List;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Registry credentials from the {@code <server>}s of Maven's {@code settings.xml}: the server whose {@code <id>} is
 * the registry host ({@code ghcr.io}, {@code registry.example.com:5000}, {@code docker.io} for Docker Hub), its
 * password decrypted with Maven's settings security when it is encrypted. Only the server asked for is decrypted, so
 * a broken entry for something else does not matter.
 */
final class SettingsServers implements RegistryCredentials.Servers {

    private final List<Server> servers;
    private final SettingsDecrypter decrypter;

    SettingsServers(List<Server> servers, SettingsDecrypter decrypter) {
        this.servers = List.copyOf(servers);
        this.decrypter = decrypter;
    }

    @Override
    public Optional<Credentials> forRegistry(String registry) {
        for (Server server : servers) {
            if (server.getId() == null || !RegistryCredentials.namesRegistry(server.getId(), registry)) {
                continue;
            }
            Server decrypted = decrypt(server);
            if (decrypted.getUsername() == null || decrypted.getPassword() == null) {
                continue;
            }
            return Optional.of(new Credentials(
                    RegistryCredentials.serverAddress(registry),
                    decrypted.getUsername(),
                    decrypted.getPassword(),
                    null,
                    "Maven settings <server> '" + server.getId() + "'"));
        }
        return Optional.empty();
    }

    private Server decrypt(Server server) {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new EngineException("Cannot decrypt the password of <server> '" + server.getId()
                        + "' in Maven's settings.xml: " + problem.getMessage() + ". Check the master password in"
                        + " settings-security.xml (mvn --encrypt-master-password), or encrypt the password again"
                        + " (mvn --encrypt-password).");
            }
        }
        return result.getServer();
    }
}
