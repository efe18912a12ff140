package no.siva.programflyt.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** An invitation's link is in the outbox only until the e-mail is sent. */
class SecretPartTest {

    @Test
    void theSecretPartIsBlankedWhenSent_theRestKept() {
        OutboxMessage m = new OutboxMessage();
        ReflectionTestUtils.setField(m, "bodyHtml", "<p>Hei</p><p><!--secret--><a href=\"https://x/invitasjon/abc\">"
                + "https://x/invitasjon/abc</a><!--/secret--></p><p>Hilsen</p>");
        m.markSent(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(m.getBodyHtml()).doesNotContain("invitasjon/abc").contains("<p>Hei</p>", "Hilsen",
                "personlig lenke: vises ikke etter sending");
        assertThat(m.getStatus()).isEqualTo(OutboxMessage.SENT);
    }
}
