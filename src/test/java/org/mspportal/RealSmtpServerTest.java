package org.mspportal;

import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A test class whose application sends mail to a real SMTP server (GreenMail) on a port of its
 * own. The server is not started for a test: a test starts it when mail should arrive, so it can
 * first show what happens while the server is away. It is stopped after each test.
 */
public abstract class RealSmtpServerTest {

    /** The port the application sends mail to, where {@link #smtpServer} listens once started. */
    protected static final int SMTP_PORT = SmtpDelivery.freePort();

    protected final GreenMail smtpServer = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterEach
    void stopSmtpServer() {
        smtpServer.stop();
    }
}
