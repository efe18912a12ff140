package no.siva.programflyt.notifications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.siva.programflyt.audit.AuditService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Queues e-mails in the outbox, rendered from Norwegian Thymeleaf templates under {@code templates/mail/}.
 * Each message has a business key: queuing the same key twice queues it once.
 */
@Service
public class NotificationService {

    public static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

    private final OutboxRepository outbox;
    private final TemplateEngine templates;
    private final MessageSource messages;

    private final AuditService audit;

    private final Clock clock;

    public NotificationService(Clock clock, OutboxRepository outbox, TemplateEngine templates, MessageSource messages,
                               AuditService audit) {
        this.clock = clock;
        this.audit = audit;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
    }

    /**
     * @param dedupKey business key, e.g. {@code admission:12:not-qualified:kari@fylke.no}
     * @param template name under {@code templates/mail/}; its subject is message {@code mail.<template>.subject}
     * @return true when this call queued it, false when it was queued before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String dedupKey, String recipient, String template, Map<String, Object> model,
                           String caseType, Long caseId) {
        return enqueue(dedupKey, recipient, template, model, caseType, caseId, null);
    }

    /** As {@link #enqueue(String, String, String, Map, String, Long)}, with a stored document attached. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String dedupKey, String recipient, String template, Map<String, Object> model,
                           String caseType, Long caseId, Long attachmentDocumentId) {
        Context ctx = new Context(NORWEGIAN, model);
        String body = templates.process("mail/" + template, ctx);
        Object[] subjectArgs = model.containsKey("subjectArgs") ? (Object[]) model.get("subjectArgs") : new Object[0];
        String subject = messages.getMessage("mail." + template + ".subject", subjectArgs, NORWEGIAN);
        return outbox.insertOnce(dedupKey, recipient, subject, body, caseType, caseId, attachmentDocumentId, clock.instant());
    }

    /**
     * Queues a case's e-mail to each recipient once (key {@code <keyPrefix>:<recipient>}) and records each one queued
     * now in the case's audit trail.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    /** Recipients from several lists, each once, in order. */
    @SafeVarargs
    public static List<String> recipients(List<String>... lists) {
        LinkedHashSet<String> to = new LinkedHashSet<>();
        for (List<String> l : lists) {
            to.addAll(l);
        }
        return new ArrayList<>(to);
    }

    public void enqueueForCase(String keyPrefix, List<String> recipients, String template, Map<String, Object> model,
                               String caseType, long caseId, String businessKey, Long attachmentDocumentId) {
        for (String to : recipients) {
            if (enqueue(keyPrefix + ":" + to, to, template, model, caseType, caseId, attachmentDocumentId)) {
                audit.record(AuditService.SYSTEM, "NOTIFICATION_QUEUED", caseType, caseId, businessKey,
                        "E-post lagt i utboksen til " + to + " (" + template + ")", null);
            }
        }
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> latest() {
        return outbox.findTop200ByOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> forCase(String caseType, long caseId) {
        return outbox.findByCaseTypeAndCaseIdOrderById(caseType, caseId);
    }
}
