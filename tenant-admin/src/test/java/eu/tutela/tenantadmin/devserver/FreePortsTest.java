package eu.tutela.tenantadmin.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void findsDistinctFreePorts() {
        int[] ports = FreePorts.find(5);
        assertThat(ports).hasSize(5).doesNotHaveDuplicates();
        assertThat(java.util.Arrays.stream(ports).boxed().toList()).allMatch(p -> p > 0 && p < 65536);
        for (int port : ports) {
            assertThat(FreePorts.isInUse(port)).isFalse();
        }
    }

    @Test
    void seesAPortThatIsTaken() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertThat(FreePorts.isInUse(socket.getLocalPort())).isTrue();
        }
    }

    @Test
    void rejectsANonPositiveCount() {
        assertThatThrownBy(() -> FreePorts.find(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
