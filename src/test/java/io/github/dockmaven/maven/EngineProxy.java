package io.github.dockmaven.maven;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP address in front of the local engine's Unix socket, which a test takes down and brings back: to a client,
 * that is what a daemon restart looks like (connections cut, then refused, then answered again), without restarting
 * the daemon that other builds on the machine use.
 */
final class EngineProxy implements AutoCloseable {

    private final UnixDomainSocketAddress engine;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private int port;
    private volatile ServerSocketChannel server;

    private EngineProxy(UnixDomainSocketAddress engine) {
        this.engine = engine;
    }

    /** A proxy for the engine at {@code DOCKER_HOST} (a {@code unix://} address) or {@code /var/run/docker.sock}. */
    static EngineProxy start() throws IOException {
        String dockerHost = System.getenv("DOCKER_HOST");
        Path socket = dockerHost != null && dockerHost.startsWith("unix://")
                ? Path.of(URI.create(dockerHost).getPath())
                : Path.of("/var/run/docker.sock");
        EngineProxy proxy = new EngineProxy(UnixDomainSocketAddress.of(socket));
        proxy.up();
        return proxy;
    }

    /** The address to give as {@code dock.host}. */
    String host() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Accepts connections again, on the same port. */
    synchronized void up() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        server = channel;
        Thread acceptor = new Thread(() -> accept(channel), "engine-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Cuts every connection and refuses new ones. */
    synchronized void down() {
        close(server);
        open.forEach(EngineProxy::close);
        open.clear();
    }

    @Override
    public void close() {
        down();
    }

    private void accept(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            try {
                SocketChannel client = channel.accept();
                SocketChannel upstream;
                try {
                    upstream = SocketChannel.open(engine);
                } catch (IOException e) {
                    close(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread thread = new Thread(
                () -> {
                    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                    try {
                        while (from.read(buffer) >= 0) {
                            buffer.flip();
                            while (buffer.hasRemaining()) {
                                to.write(buffer);
                            }
                            buffer.clear();
                        }
                        to.shutdownOutput();
                    } catch (IOException cut) {
                        close(from);
                        close(to);
                    }
                },
                "engine-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(java.nio.channels.Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }
}
