package io.github.dockmaven.core.wait;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * Holds once a container port accepts TCP connections through its published host port.
 *
 * <p>A connection to the published port alone proves little: the engine's port proxy accepts on the host port even
 * while nothing listens in the container, and then closes the connection at once. So after connecting we read briefly:
 * data, or silence until the read times out, means a server is there; an immediate end of stream or reset means it is
 * not yet. Where the container's own address is routed here (a local engine on Linux), we connect to it first: a
 * connection accepted there is the container's own, and holds at once, without the read. Otherwise the published port
 * decides; an address that does not answer at all is not tried again.
 */
public final class TcpCondition implements Condition {

    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int READ_TIMEOUT_MS = 150;
    private static final int DIRECT_CONNECT_TIMEOUT_MS = 250;

    private final int containerPort;
    private String lastFailure = "";
    private boolean directUnreachable;

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
        Optional<String> address = directUnreachable ? Optional.empty() : probe.containerAddress();
        if (address.isPresent() && acceptsDirectly(address.get())) {
            return true;
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

    /**
     * Whether the container accepts on its own address. A refusal may come from a firewall as well as from the
     * container, so only an accepted connection counts; an address that does not answer at all is not asked again.
     */
    private boolean acceptsDirectly(String address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, containerPort), DIRECT_CONNECT_TIMEOUT_MS);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException unreachable) {
            directUnreachable = true;
            return false;
        }
    }

    @Override
    public String lastFailure() {
        return lastFailure;
    }
}
