package io.github.dockmaven.core.wait;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Holds once a container port accepts TCP connections through its published host port.
 *
 * <p>A connection alone proves little: the engine's port proxy accepts on the host port even while nothing listens
 * in the container, and then closes the connection at once. So after connecting we read briefly: data, or silence
 * until the read times out, means a server is there; an immediate end of stream or reset means it is not yet.
 */
public final class TcpCondition implements Condition {

    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int READ_TIMEOUT_MS = 150;

    private final int containerPort;
    private String lastFailure = "";

    public TcpCondition(int containerPort) {
        this.containerPort = containerPort;
    }

    @Override
    public String describe() {
        return "TCP port " + containerPort + " accepting connections";
    }

    @Override
    public boolean check(Probe probe) {
        int hostPort = probe.hostPort(containerPort);
        if (hostPort < 0) {
            lastFailure = "TCP port " + containerPort + " is not published; add <port>" + containerPort
                    + "</port> to <ports>";
            return false;
        }
        String target = probe.host() + ":" + hostPort;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(probe.host(), hostPort), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            InputStream in = socket.getInputStream();
            try {
                if (in.read() < 0) {
                    lastFailure = "TCP port " + containerPort + " (" + target + ") closed the connection at once";
                    return false;
                }
                return true;
            } catch (SocketTimeoutException silentServer) {
                return true;
            }
        } catch (IOException e) {
            lastFailure =
                    "TCP port " + containerPort + " (" + target + ") did not accept a connection: " + e.getMessage();
            return false;
        }
    }

    @Override
    public String lastFailure() {
        return lastFailure;
    }
}
