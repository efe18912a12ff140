package no.siva.programflyt.differentiation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.shared.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Who hears of a round's steps, and the one way its e-mails are queued (keyed by round, step and recipient). */
@Component
class DifferentiationMail {

    private final NotificationService notifications;
    private final AppUserRepository users;
    private final String sivaMailbox;
    private final String baseUrl;

    DifferentiationMail(NotificationService notifications, AppUserRepository users,
                        @Value("${programflyt.siva-mailbox}") String sivaMailbox,
                        @Value("${programflyt.base-url}") String baseUrl) {
        this.notifications = notifications;
        this.users = users;
        this.sivaMailbox = sivaMailbox;
        this.baseUrl = baseUrl;
    }

    List<String> county(String countyCode) {
        return users.findCountyOfficials(countyCode).stream().map(AppUser::getEmail).toList();
    }

    List<String> operatorStaff(long operatorId) {
        return users.findOperatorStaff(operatorId).stream().map(AppUser::getEmail).toList();
    }

    /** The operator's staff; an operator without users in Programflyt is reached through its Siva contact. */
    List<String> operatorRecipients(Operator o) {
        List<String> staff = operatorStaff(o.getId());
        return staff.isEmpty() ? List.of(users.caseHandlerEmail(o.getSivaContact()).orElse(sivaMailbox)) : staff;
    }

    List<String> projectLeaders() {
        List<String> l = users.projectLeaderEmails();
        return l.isEmpty() ? List.of(sivaMailbox) : l;
    }

    String sivaMailbox() {
        return sivaMailbox;
    }

    Optional<String> emailOf(String username) {
        return users.findById(username).map(AppUser::getEmail);
    }

    void send(String key, List<String> recipients, String template, DiffRound r, String path, Map<String, Object> extra,
              Object[] subjectArgs, Long attachmentDocumentId) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("round", r);
        model.put("year", String.valueOf(r.getYear()));
        model.put("caseUrl", baseUrl + path);
        model.put("formats", new Formats());
        model.put("subjectArgs", subjectArgs);
        notifications.enqueueForCase("diff:" + r.getId() + ":" + key, recipients, template, model,
                DifferentiationService.CASE_TYPE, r.getId(), String.valueOf(r.getYear()), attachmentDocumentId);
    }
}
