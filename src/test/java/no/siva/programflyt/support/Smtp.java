package no.siva.programflyt.support;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP port of this test JVM's GreenMail: the application's {@code spring.mail.port}, which surefire sets per fork
 * (two forks run side by side), so that one fork's e-mails never reach the other's mailbox.
 */
public final class Smtp {

    public static final int PORT = Integer.getInteger("spring.mail.port", 3025);

    public static final ServerSetup SETUP = new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP);

    private Smtp() {}
}
