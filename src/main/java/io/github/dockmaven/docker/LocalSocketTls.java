package io.github.dockmaven.docker;

import com.github.dockerjava.transport.SSLConfig;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS settings of a connection over a local socket ({@code unix://}, {@code npipe://}), which never uses TLS.
 *
 * <p>docker-java's HTTP client prepares a TLS strategy whatever the address; given no TLS settings, it initializes
 * the JVM's default TLS context for it, reading the trust store: ~0.3 s on the path to the first request (measured on
 * a 2-core machine), for a connection that never upgrades. Given these, it keeps a context nobody initializes. Not for
 * {@code tcp://}: there, any TLS settings make docker-java speak HTTPS.
 */
final class LocalSocketTls {

    /** Settings whose context fails, saying why, if anything ever tried TLS over the local socket. */
    static final SSLConfig NONE = () -> new Unused();

    private LocalSocketTls() {}

    /** Whether {@code host} is a local socket, for which {@link #NONE} is right. */
    static boolean isLocalSocket(String host) {
        return host.startsWith("unix://") || host.startsWith("npipe://");
    }

    private static final class Unused extends SSLContext {
        Unused() {
            super(new Refusing(), null, "none");
        }
    }

    private static final class Refusing extends SSLContextSpi {

        private static IllegalStateException refused() {
            return new IllegalStateException("TLS over a local socket: the engine's address has no TLS settings");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
                throws KeyManagementException {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
