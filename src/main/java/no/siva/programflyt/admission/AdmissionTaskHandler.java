package no.siva.programflyt.admission;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.registry.HourlyRate;
import no.siva.programflyt.registry.OperatorOnboarding;
import no.siva.programflyt.registry.OperatorOnboardingRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.tasks.TaskCompletionHandler;
import no.siva.programflyt.tasks.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Stores what each admission task decided and hands the engine only the gateway flags. */
@Component
class AdmissionTaskHandler implements TaskCompletionHandler {

    private final AdmissionService admissions;
    private final AdmissionCaseRepository cases;
    private final OperatorOnboardingRepository onboarding;
    private final AuditService audit;
    private final MessageSource messages;
    private final DocumentService documents;

    private final Clock clock;

    public AdmissionTaskHandler(Clock clock, AdmissionService admissions, AdmissionCaseRepository cases,
                                OperatorOnboardingRepository onboarding, AuditService audit, MessageSource messages,
                                DocumentService documents) {
        this.documents = documents;
        this.clock = clock;
        this.admissions = admissions;
        this.cases = cases;
        this.onboarding = onboarding;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(AdmissionService.PROCESS_ID);
    }

    /** What the register proves goes into the assessment: an ASA or other form contradicts criterion 1. */
    @Override
    public Map<String, List<String>> prefill(UserTask task) {
        if ("fylkets-vedtak".equals(task.getElementId())) {
            // the county decides on Siva's proposal: its amount, in whole kroner, is where the decision starts
            return cases.findById(task.getCaseId()).map(AdmissionCase::getProposedGrant).filter(Objects::nonNull)
                    .map(g -> Map.of("vedtattTilskudd", List.of(g.setScale(0, RoundingMode.HALF_UP).toPlainString())))
                    .orElse(Map.of());
        }
        if (!"gjennomfore-forprosjekt".equals(task.getElementId())) {
            return Map.of();
        }
        AdmissionCase c = cases.findById(task.getCaseId()).orElse(null);
        if (c == null || c.getRegisterStatus() == null) {
            return Map.of();
        }
        if ("NOT_FOUND".equals(c.getRegisterStatus())) {
            return Map.of("kriterium1", List.of("ikke-oppfylt"),
                    "begrunnelse1", List.of("Organisasjonsnummeret finnes ikke i Enhetsregisteret."));
        }
        if (!"AS".equals(c.getRegisterOrgForm())) {
            return Map.of("kriterium1", List.of("ikke-oppfylt"), "begrunnelse1", List.of("Enhetsregisteret: organisasjonsform "
                    + c.getRegisterOrgForm() + " (" + c.getRegisterOrgFormText() + "). Kriteriet krever aksjeselskap (AS)."));
        }
        return Map.of("begrunnelse1", List.of("Enhetsregisteret bekrefter aksjeselskap (AS). "
                + "Privat aksjemajoritet dokumenteres med aksjonærregisteret."));
    }

    /** The county's decision is a formal decision (vedtak): she sees it summarised and confirms it before it is saved. */
    @Override
    public boolean confirmsBeforeSaving(UserTask task) {
        return "fylkets-vedtak".equals(task.getElementId());
    }

    @Override
    public TaskPanel panel(UserTask task) {
        return switch (task.getElementId()) {
            case "gjennomfore-forprosjekt" -> cases.findById(task.getCaseId())
                    .map(c -> new TaskPanel("admission/panels", "register", Map.of("c", c))).orElse(null);
            case "budsjett-timepris" -> new TaskPanel("admission/panels", "hourlyRate", Map.of());
            case "fylkets-vedtak" -> cases.findById(task.getCaseId()).map(c -> new TaskPanel("admission/panels", "decisionBasis",
                    Map.of("c", c, "documents", documents.forCase(AdmissionService.CASE_TYPE, c.getId())))).orElse(null);
            default -> null;
        };
    }

    @Override
    public FormSubmission validate(UserTask task, FormSubmission s, Locale locale) {
        // §4.3: the eight criteria of target group 1 must all be met for an operator to be admitted
        if ("gjennomfore-forprosjekt".equals(task.getElementId()) && "kvalifisert".equals(s.string("konklusjon"))) {
            List<String> unmet = new ArrayList<>();
            for (AdmissionCriterion k : AdmissionService.criteriaFrom(s.values())) {
                if (!k.isMet()) {
                    unmet.add(k.getCriterionNo() + ". " + messages.getMessage("admission.criterion." + k.getCriterionNo(),
                            null, locale));
                }
            }
            if (!unmet.isEmpty()) {
                return s.withError("konklusjon", messages.getMessage("admission.error.qualifiedWithUnmetCriteria",
                        new Object[] {String.join("; ", unmet)}, locale));
            }
        }
        if ("fylkets-vedtak".equals(task.getElementId()) && "godkjent".equals(s.string("vedtak"))
                && s.decimal("vedtattTilskudd") == null) {
            return s.withError("vedtattTilskudd", messages.getMessage("admission.error.grantRequiredOnApproval",
                    null, locale));
        }
        if ("budsjett-timepris".equals(task.getElementId())) {
            return HourlyRate.withProblems(s, HourlyRate.budgetProblems(s.decimal("arslonn"), s.decimal("stillingsprosent"),
                    s.decimal("timepris"), s.decimal("timer"), s.decimal("budsjett"), "budsjett"), messages, locale);
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
            case "gjennomfore-utvidelse" -> {
                admissions.recordRecommendation(c, s.string("anbefaling"), s.string("begrunnelse"), user.username());
                return Map.of();
            }
            case "budsjett-timepris" -> {
                OperatorOnboarding o = onboardingOf(c);
                BigDecimal cap = HourlyRate.cap(s.decimal("arslonn"), s.decimal("stillingsprosent"));
                o.budget(s.decimal("arslonn"), s.decimal("stillingsprosent"), s.decimal("timepris"), cap,
                        s.decimal("timer"), s.decimal("budsjett"), clock.instant());
                record(c, user, "ONBOARDING_BUDGET", "Budsjett med timepris " + new Formats().nok(s.decimal("timepris"))
                        + " (tak " + new Formats().nok(cap) + ") er sendt");
                return Map.of();
            }
            case "kontaktpersoner" -> {
                onboardingOf(c).contacts(s.string("kontaktNavn"), s.string("kontaktEpost"), s.string("kontaktTelefon"),
                        s.string("okonomiNavn"), s.string("okonomiEpost"), clock.instant());
                record(c, user, "ONBOARDING_CONTACTS", "Kontaktpersoner er registrert");
                return Map.of();
            }
            case "etiske-retningslinjer" -> {
                onboardingOf(c).ethics(s.bool("etiskeRetningslinjer"), s.bool("habilitetsrutiner"), s.string("lenke"), clock.instant());
                record(c, user, "ONBOARDING_ETHICS", "Etiske retningslinjer og habilitetsrutiner er bekreftet");
                return Map.of();
            }
            default -> throw new IllegalStateException("Unknown admission task " + task.getElementId());
        }
    }

    private OperatorOnboarding onboardingOf(AdmissionCase c) {
        return onboarding.findById(c.getOperatorId())
                .orElseGet(() -> onboarding.save(new OperatorOnboarding(c.getOperatorId(), clock.instant())));
    }

    private void record(AdmissionCase c, CurrentUser user, String action, String summary) {
        audit.record(user.username(), action, AdmissionService.CASE_TYPE, c.getId(), c.getOrgNumber(), summary, null);
    }
}
