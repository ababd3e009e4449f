package io.github.dockmaven.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test certificate authority made with openssl, and certificates it signs: server certificates whose subject
 * alternative names say which host names they are good for (hostname verification checks them), and client
 * certificates. Files are PEM, named as Docker expects them: {@code ca.pem}, {@code cert.pem}, {@code key.pem}.
 */
final class Certificates {

    private final Path dir;

    private Certificates(Path dir) {
        this.dir = dir;
    }

    /** A new CA in {@code dir}: {@code ca.pem} and {@code ca-key.pem}. */
    static Certificates authority(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Commands.run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=dock test CA",
                "-keyout",
                dir.resolve("ca-key.pem").toString(),
                "-out",
                dir.resolve("ca.pem").toString()));
        return new Certificates(dir);
    }

    Path ca() {
        return dir.resolve("ca.pem");
    }

    /**
     * A server certificate and its key, as {@code <name>-cert.pem} and {@code <name>-key.pem}.
     *
     * @param subjectAltName e.g. {@code IP:127.0.0.1} or {@code DNS:localhost,IP:127.0.0.1}
     */
    Path[] server(String name, String subjectAltName) {
        return sign(name, "/CN=" + name, "subjectAltName=" + subjectAltName + "\nextendedKeyUsage=serverAuth\n");
    }

    /** A client certificate and its key, as {@code <name>-cert.pem} and {@code <name>-key.pem}. */
    Path[] client(String name) {
        return sign(name, "/CN=" + name, "extendedKeyUsage=clientAuth\n");
    }

    /** Copies the CA and a client certificate into {@code target} under Docker's names: ca.pem, cert.pem, key.pem. */
    Path dockerClientDir(Path target, String clientName) {
        Path[] client = client(clientName);
        try {
            Files.createDirectories(target);
            Files.copy(ca(), target.resolve("ca.pem"));
            Files.copy(client[0], target.resolve("cert.pem"));
            Files.copy(client[1], target.resolve("key.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private Path[] sign(String name, String subject, String extensions) {
        Path key = dir.resolve(name + "-key.pem");
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + "-cert.pem");
        Path ext = dir.resolve(name + ".ext");
        try {
            Files.writeString(ext, extensions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Commands.run(List.of(
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                subject,
                "-keyout",
                key.toString(),
                "-out",
                csr.toString()));
        Commands.run(List.of(
                "openssl",
                "x509",
                "-req",
                "-days",
                "2",
                "-in",
                csr.toString(),
                "-CA",
                ca().toString(),
                "-CAkey",
                dir.resolve("ca-key.pem").toString(),
                "-CAcreateserial",
                "-out",
                cert.toString(),
                "-extfile",
                ext.toString()));
        return new Path[] {cert, key};
    }
}
