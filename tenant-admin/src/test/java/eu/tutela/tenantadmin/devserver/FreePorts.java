package eu.tutela.tenantadmin.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Finds TCP ports that are free on the loopback interface (for tests that start their own servers). */
public final class FreePorts {

    private FreePorts() {
    }

    /** One port that nothing listens on at the moment of the call. */
    public static int findOne() {
        return find(1)[0];
    }

    /** {@code count} distinct ports that nothing listens on at the moment of the call. */
    public static int[] find(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        // Keep every socket open until all are chosen, so the OS cannot hand out the same port twice.
        Set<ServerSocket> open = new HashSet<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                open.add(socket);
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free loopback port", e);
        } finally {
            for (ServerSocket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    /** Whether something already listens on {@code port} on the loopback interface (we cannot bind it). */
    public static boolean isInUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
