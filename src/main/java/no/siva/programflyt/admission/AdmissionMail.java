package no.siva.programflyt.admission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.registry.CountyRepository;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.shared.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Who hears of an admission case, and the one way its e-mails are queued (keyed by case, step and recipient). */
@Component
class AdmissionMail {

    private final NotificationService notifications;
    private final AppUserRepository users;
    private final CountyRepository counties;
    private final String sivaMailbox;
    private final String baseUrl;

    AdmissionMail(NotificationService notifications, AppUserRepository users, CountyRepository counties,
                  @Value("${programflyt.siva-mailbox}") String sivaMailbox,
                  @Value("${programflyt.base-url}") String baseUrl) {
        this.notifications = notifications;
        this.users = users;
        this.counties = counties;
        this.sivaMailbox = sivaMailbox;
        this.baseUrl = baseUrl;
    }

    String sivaMailbox() {
        return sivaMailbox;
    }

    /** The officials of every commissioning county. */
    List<String> countyOfficials(AdmissionCase c) {
        Set<String> to = new LinkedHashSet<>();
        for (String county : c.allCounties()) {
            users.findCountyOfficials(county).stream().map(AppUser::getEmail).forEach(to::add);
        }
        return new ArrayList<>(to);
    }

    List<String> projectLeaders() {
        return users.projectLeaderEmails();
    }

    List<String> officialsAndCompany(AdmissionCase c) {
        List<String> to = new ArrayList<>(countyOfficials(c));
        if (c.getCompanyEmail() != null) {
            to.add(c.getCompanyEmail());
        }
        return to;
    }

    void send(String step, List<String> recipients, String template, AdmissionCase c) {
        send(step, recipients, template, c, Map.of(), null);
    }

    /**
     * Queues one e-mail per recipient, once: the key is {@code admission:<case>:<step>:<recipient>}. For steps that
     * can happen more than once (cyclic reminders), the step names the occurrence (e.g. its job key).
     */
    void send(String step, List<String> recipients, String template, AdmissionCase c, Map<String, Object> extra,
              Long attachmentDocumentId) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("case", c);
        model.put("county", counties.findById(c.getCountyCode()).map(x -> x.getName()).orElse(c.getCountyCode()));
        model.put("caseUrl", baseUrl + "/admission/" + c.getId());
        model.put("formats", new Formats());
        model.put("subjectArgs", new Object[] {c.getCompanyName()});
        notifications.enqueueForCase("admission:" + c.getId() + ":" + step, recipients, template, model,
                AdmissionService.CASE_TYPE, c.getId(), c.getOrgNumber(), attachmentDocumentId);
    }
}
