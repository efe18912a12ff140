package no.siva.programflyt.followup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.shared.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Who hears of a follow-up, and the one way its e-mails are queued (keyed by case, step and recipient). */
@Component
class FollowUpMail {

    private final NotificationService notifications;
    private final AppUserRepository users;
    private final Labels labels;
    private final String sivaMailbox;
    private final String baseUrl;

    FollowUpMail(NotificationService notifications, AppUserRepository users, Labels labels,
                 @Value("${programflyt.siva-mailbox}") String sivaMailbox, @Value("${programflyt.base-url}") String baseUrl) {
        this.notifications = notifications;
        this.users = users;
        this.labels = labels;
        this.sivaMailbox = sivaMailbox;
        this.baseUrl = baseUrl;
    }

    List<String> county(FollowUpCase c) {
        return users.findCountyOfficials(c.getCountyCode()).stream().map(AppUser::getEmail).toList();
    }

    List<String> operatorStaff(FollowUpCase c) {
        return users.findOperatorStaff(c.getOperatorId()).stream().map(AppUser::getEmail).toList();
    }

    List<String> projectLeaders() {
        return users.projectLeaderEmails();
    }

    /** The operator's Siva contact (by name, as the registry holds it), else Siva's mailbox. */
    String sivaContact(Operator o) {
        return users.caseHandlerEmail(o.getSivaContact()).orElse(sivaMailbox);
    }

    Optional<String> emailOf(String username) {
        return users.findById(username).map(AppUser::getEmail);
    }

    void send(String step, List<String> recipients, String template, FollowUpCase c, Operator o,
              Map<String, Object> extra, Long attachmentDocumentId) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("case", c);
        model.put("operator", o);
        model.put("county", labels.county(c.getCountyCode()));
        model.put("caseUrl", baseUrl + "/follow-up/" + c.getId());
        model.put("formats", new Formats());
        model.put("subjectArgs", new Object[] {o.getName()});
        notifications.enqueueForCase("followup:" + c.getId() + ":" + step, recipients, template, model,
                FollowUpService.CASE_TYPE, c.getId(), c.getOrgNumber(), attachmentDocumentId);
    }
}
