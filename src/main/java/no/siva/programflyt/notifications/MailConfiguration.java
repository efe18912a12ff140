package no.siva.programflyt.notifications;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * {@code programflyt.mail.transport=smtp} sends through Spring Mail ({@code spring.mail.*});
 * {@code dev} keeps messages in the outbox only, where the admin page "E-postkasse" shows them.
 */
@Configuration
class MailConfiguration {

    @Bean
    @ConditionalOnProperty(name = "programflyt.mail.transport", havingValue = "smtp")
    MailTransport smtpMailTransport(JavaMailSender sender, DocumentRepository documents) {
        return (from, m) -> {
            MimeMessage mime = sender.createMimeMessage();
            Document attachment = m.getAttachmentDocumentId() == null ? null
                    : documents.findById(m.getAttachmentDocumentId()).orElseThrow();
            MimeMessageHelper helper = new MimeMessageHelper(mime, attachment != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(m.getRecipient());
            helper.setSubject(m.getSubject());
            helper.setText(m.getBodyHtml(), true);
            if (attachment != null) {
                helper.addAttachment(attachment.getFilename(), new ByteArrayResource(attachment.getContent()),
                        attachment.getContentType());
            }
            sender.send(mime);
        };
    }

    @Bean
    @ConditionalOnProperty(name = "programflyt.mail.transport", havingValue = "dev", matchIfMissing = true)
    MailTransport devMailTransport() {
        return (from, m) -> {
            // Delivered to the dev mailbox: the outbox row itself, shown on /admin/mailbox.
        };
    }
}
