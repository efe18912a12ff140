package no.siva.programflyt.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new installation has no administrator to invite anyone: with {@code programflyt.access.first-admin-email} set,
 * Programflyt invites that person as administrator when it starts with no administrator and no open invitation of
 * one (the instances starting together take turns by a database lock, so one invitation is sent).
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccessAdministration access;
    private final InvitationRepository invitations;
    private final TransactionTemplate tx;
    private final String email;
    private final String name;

    FirstAdministrator(AccessAdministration access, InvitationRepository invitations, TransactionTemplate tx,
                       @Value("${programflyt.access.first-admin-email:}") String email,
                       @Value("${programflyt.access.first-admin-name:Administrator}") String name) {
        this.access = access;
        this.invitations = invitations;
        this.tx = tx;
        this.email = email;
        this.name = name;
    }

    @EventListener(ApplicationReadyEvent.class)
    void inviteIfNone() {
        if (email == null || email.isBlank()) {
            return;
        }
        Boolean sent = tx.execute(s -> {
            invitations.lockForFirstAdministrator();
            return access.inviteFirstAdministrator(name, email.strip());
        });
        if (Boolean.TRUE.equals(sent)) {
            log.info("Programflyt has no administrator: an invitation was e-mailed to {}", email.strip());
        }
    }
}
