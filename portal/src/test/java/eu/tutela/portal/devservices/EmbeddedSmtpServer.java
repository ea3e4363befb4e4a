package eu.tutela.portal.devservices;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server on loopback that keeps every message it receives, for the dev mailbox page and
 * the tests. Tests may stop it and start it again on the same port, as an SMTP outage would.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

    private final int port;
    private GreenMail greenMail;
    /** What was received before an outage: a stop must not lose the evidence of earlier deliveries. */
    private final List<MimeMessage> beforeOutages = new ArrayList<>();

    private EmbeddedSmtpServer(int port) {
        this.port = port;
    }

    static EmbeddedSmtpServer start(int port) {
        EmbeddedSmtpServer server = new EmbeddedSmtpServer(port);
        server.resume();
        return server;
    }

    public int port() {
        return port;
    }

    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(beforeOutages);
        if (greenMail != null) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        return all;
    }

    /** Stops answering: connections are refused until {@link #resume()}. */
    public synchronized void suspend() {
        if (greenMail != null) {
            beforeOutages.addAll(List.of(greenMail.getReceivedMessages()));
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized void resume() {
        if (greenMail == null) {
            GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            greenMail = mail;
        }
    }

    @Override
    public synchronized void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
