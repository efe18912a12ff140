package no.siva.programflyt.admission;

import java.util.Locale;
import java.util.Map;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.tasks.TaskCompletionHandler;
import no.siva.programflyt.tasks.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Stores what each admission task decided and hands the engine only the gateway flags. */
@Component
public class AdmissionTaskHandler implements TaskCompletionHandler {

    private final AdmissionService admissions;
    private final MessageSource messages;

    public AdmissionTaskHandler(AdmissionService admissions, MessageSource messages) {
        this.admissions = admissions;
        this.messages = messages;
    }

    @Override
    public String bpmnProcessId() {
        return AdmissionService.PROCESS_ID;
    }

    @Override
    public FormSubmission validate(UserTask task, FormSubmission s, Locale locale) {
        if ("fylkets-vedtak".equals(task.getElementId()) && "godkjent".equals(s.string("vedtak"))
                && s.decimal("vedtattTilskudd") == null) {
            return s.withError("vedtattTilskudd", messages.getMessage("admission.error.grantRequiredOnApproval",
                    null, locale));
        }
        return s;
    }

    @Override
    public Map<String, Object> onComplete(UserTask task, FormSubmission s, CurrentUser user) {
        AdmissionCase c = admissions.load(task.getCaseId());
        switch (task.getElementId()) {
            case "gjennomfore-forprosjekt" -> {
                boolean qualified = "kvalifisert".equals(s.string("konklusjon"));
                admissions.recordAssessment(c, AdmissionService.criteriaFrom(s.values()), qualified,
                        s.string("oppsummering"), user.username());
                return Map.of("qualified", qualified);
            }
            case "foresla-tilskudd" -> {
                admissions.recordProposal(c, s.decimal("foreslattTilskudd"), s.string("begrunnelse"), user.username());
                return Map.of();
            }
            case "fylkets-vedtak" -> {
                boolean approved = "godkjent".equals(s.string("vedtak"));
                admissions.recordCountyDecision(c, approved, s.decimal("vedtattTilskudd"), s.string("forbehold"),
                        s.string("begrunnelse"), user.username());
                return Map.of("countyApproved", approved);
            }
            default -> throw new IllegalStateException("Unknown admission task " + task.getElementId());
        }
    }
}
