package no.siva.programflyt.targetcompany;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.brreg.BrregClient;
import no.siva.programflyt.brreg.RegisterEntry;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.targetcompany.eligibility.Eligibility;
import no.siva.programflyt.targetcompany.eligibility.EligibilityInput;
import no.siva.programflyt.targetcompany.eligibility.Figures;
import no.siva.programflyt.targetcompany.eligibility.OwnershipText;
import no.siva.programflyt.targetcompany.ledger.AidLedger;
import no.siva.programflyt.targetcompany.ledger.EurRates;
import no.siva.programflyt.targetcompany.survey.KtuSchedule;
import no.siva.programflyt.tasks.TaskService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the target-company processes' service tasks do. Each step locks its case; every side effect is keyed (survey
 * rows by company, form and month; the exit by the case's status), so a job delivered twice has one effect. Dates
 * for timers are computed from the case's own dates, never from the clock, so that the engine's clock rules.
 */
@Service
class TargetCompanySteps {

    private final TargetCompanyService service;
    private final BrregClient register;
    private final EurRates rates;
    private final SurveyDispatches surveys;
    private final AuditService audit;
    private final MessageSource messages;
    private final TaskService tasks;
    private final NotificationService notifications;
    private final AppUserRepository users;

    private final Clock clock;
    private final AidLedger ledger;

    public TargetCompanySteps(Clock clock, AidLedger ledger, TargetCompanyService service,
                              BrregClient register, EurRates rates, SurveyDispatches surveys,
                              AuditService audit, MessageSource messages, TaskService tasks,
                              NotificationService notifications,
                              AppUserRepository users) {
        this.clock = clock;
        this.ledger = ledger;
        this.tasks = tasks;
        this.notifications = notifications;
        this.users = users;
        this.service = service;
        this.register = register;
        this.rates = rates;
        this.surveys = surveys;
        this.audit = audit;
        this.messages = messages;
    }

    /** Enhetsregisteret plus the GBER rules over what the operator entered: ELIGIBLE, REVIEW or REFUSED. */
    @Transactional
    public String checkEligibility(long caseId) {
        TargetCompany c = service.load(caseId);
        RegisterEntry entry = register.lookup(c.getOrgNumber()).orElse(null);
        if (entry == null) {
            c.registerChecked(null, null, null);
            c.eligibilityChecked(null, null, false, null, null, null,
                    "Organisasjonsnummeret finnes ikke i Enhetsregisteret.", false);
            record(c, "ELIGIBILITY_CHECKED", "Ikke kvalifisert: organisasjonsnummeret finnes ikke i Enhetsregisteret");
            return "REFUSED";
        }
        c.registerChecked(entry.orgFormCode(), entry.naceCode(), entry.registeredOn());
        // §14.1.6: «Valutakurs for euro skal beregnes som gjennomsnittlig valutakurs for det året virksomheten har
        // mottatt innovasjonsstøtte» -- granted at admission, this year; not the year of the accounts
        EurRates.Rate rate = rates.forYear(LocalDate.now(clock).getYear());
        OwnershipText.Parsed parsed = OwnershipText.parse(
                new Figures(c.getWorkUnits(), c.getTurnoverNok(), c.getBalanceNok()), c.getOwnershipEnterprises(),
                c.getOwnershipHoldings(), rate.nokPerEur());
        if (!parsed.ok()) {
            throw new IllegalStateException("ownership text no longer parses: " + parsed.problems());
        }
        ledger.recordGroup(c, parsed.graph().linkedTo(OwnershipText.TARGET).stream()
                .map(id -> OwnershipText.orgNumberIn(parsed.graph().enterprise(id).name()))
                .flatMap(Optional::stream).toList());
        List<Boolean> years = new ArrayList<>();
        if ("ja".equals(c.getSmeLastYear()) || "nei".equals(c.getSmeLastYear())) {
            years.add("ja".equals(c.getSmeLastYear()));
        }
        Eligibility.Result r = Eligibility.check(new EligibilityInput(entry.orgFormCode(), entry.naceCode(),
                entry.bankrupt(), entry.underLiquidation(), c.isInnovationCompany(), parsed.graph(), OwnershipText.TARGET,
                years, entry.registeredOn(), c.getSubscribedCapitalNok(), c.getEquityNok(), c.getInterimEquityNok(),
                c.isInsolvency(), c.isRecoveryOrder(), c.isTakenOverByLargeGroup(), LocalDate.now(clock)));
        String rateNote = "\nTerskelverdiene i euro er regnet med gjennomsnittskursen for " + rate.year() + " ("
                + rate.nokPerEur().toPlainString().replace('.', ',') + " kr/EUR" + (rate.provisional()
                        ? ", foreløpig: årets gjennomsnitt er ikke kjent ennå)" : ")")
                + ".";
        String summary = (r.findings().isEmpty() ? "Ingen funn: bedriften kan tas opp."
                : r.findings().stream().map(f -> (f.severity() == Eligibility.Severity.BLOCK ? "Avvist: " : "Vurderes: ")
                        + messages.getMessage("eligibility." + f.code(), f.args().toArray(), Locale.forLanguageTag("nb")))
                        .collect(Collectors.joining("\n")))
                + rateNote;
        String outcome = !r.eligible() ? "REFUSED" : r.needsReview() ? "REVIEW" : "ELIGIBLE";
        c.eligibilityChecked(entry.orgFormCode(), entry.naceCode(), r.sme(), r.aggregation().category().name(),
                r.aggregation().total().workUnits(), r.publicPercent(), summary, r.eligible());
        if ("REVIEW".equals(outcome)) {
            c.eligibilityReview();
        }
        record(c, "ELIGIBILITY_CHECKED", "Kvalifisering: " + switch (outcome) {
            case "ELIGIBLE" -> "kan tas opp";
            case "REVIEW" -> "må vurderes manuelt";
            default -> "kan ikke tas opp";
        } + " (SMB: " + (r.sme() ? "ja" : "nei") + ", " + r.aggregation().total().roundedWorkUnits() + " årsverk)", summary);
        return outcome;
    }

    @Transactional
    public void refused(long caseId) {
        TargetCompany c = service.load(caseId);
        if (c.getStatus() != TargetCompanyStatus.REFUSED) {
            c.refused();
            record(c, "CASE_CLOSED", "Saken er avsluttet: bedriften kan ikke tas opp som målbedrift");
        }
    }

    /** The admission is complete: the start survey is planned and the portal deadline returned. */
    @Transactional
    public Map<String, Object> admitted(long caseId) {
        TargetCompany c = service.load(caseId);
        KtuSchedule.Dispatch start = KtuSchedule.after(KtuSchedule.Form.START, c.getAgreementStart());
        plan(c, start);
        record(c, "TARGET_COMPANY_ADMITTED", "Tatt opp som målbedrift fra " + new Formats().date(c.getAgreementStart())
                + "; oppstartskjema i " + start.month() + ", registrer i portalen innen " + new Formats().date(start.registerBy()));
        return Map.of("admitted", true, "registerByAt", endOfDay(start.registerBy()));
    }

    /**
     * Plans agreement year {@code yearNo} (0 first): its end (the anniversary of the start, or the agreement's end),
     * the development dialogue's due date, whether the self-declaration falls due for renewal within it, the ongoing
     * surveys in it, and whether the register now shows bankruptcy.
     */
    @Transactional
    public Map<String, Object> planYear(long caseId, int yearNo) {
        TargetCompany c = service.load(caseId);
        LocalDate yearStart = c.getAgreementStart().plusYears(yearNo);
        LocalDate anniversary = yearStart.plusYears(1);
        LocalDate agreementEndNext = c.getAgreementEnd().plusDays(1);
        boolean over = !anniversary.isBefore(agreementEndNext);
        LocalDate yearEnd = over ? agreementEndNext : anniversary;
        LocalDate validUntil = c.getSelfDeclarationValidUntil();
        boolean renewal = validUntil != null && validUntil.isBefore(yearEnd) && !validUntil.isBefore(yearStart)
                && validUntil.isBefore(c.getAgreementEnd());
        for (KtuSchedule.Dispatch d : KtuSchedule.forAgreement(c.getAgreementStart(), c.getAgreementEnd())) {
            if (d.form() == KtuSchedule.Form.ONGOING && !d.month().atDay(1).isBefore(yearStart)
                    && d.month().atDay(1).isBefore(yearEnd)) {
                plan(c, d);
            }
        }
        boolean bankrupt = register.lookup(c.getOrgNumber()).map(RegisterEntry::bankrupt).orElse(false);
        Map<String, Object> vars = new HashMap<>();
        vars.put("yearEndAt", startOfDay(yearEnd));
        vars.put("dialogueDueAt", endOfDay(yearEnd.minusMonths(1)));
        vars.put("renewalThisYear", renewal);
        vars.put("renewalReminderAt", startOfDay(renewal ? validUntil.minusDays(30) : yearStart));
        vars.put("renewalDueAt", endOfDay(renewal ? validUntil : yearStart));
        vars.put("agreementOver", over);
        vars.put("bankrupt", bankrupt);
        record(c, "YEAR_PLANNED", "Avtaleår " + (yearNo + 1) + ": " + new Formats().date(yearStart) + "–"
                + new Formats().date(yearEnd.minusDays(1)) + (renewal ? "; egenerklæringen fornyes innen "
                        + new Formats().date(validUntil) : "")
                + (bankrupt ? "; Enhetsregisteret viser KONKURS" : ""));
        return vars;
    }

    /**
     * Ends the agreement: on the agreement's end (planned), on the date given with the message, or today (bankruptcy).
     * The exit survey is planned and the portal deadline returned. A second delivery finds the case exited.
     */
    @Transactional
    public Map<String, Object> exit(long caseId, String reason, String date) {
        TargetCompany c = service.load(caseId);
        if (c.getStatus() != TargetCompanyStatus.EXITED) {
            ExitReason r = reason == null ? ExitReason.PLANNED_END : ExitReason.valueOf(reason);
            LocalDate d = r == ExitReason.PLANNED_END ? c.getAgreementEnd()
                    : date != null ? LocalDate.parse(date) : LocalDate.now(clock);
            c.exited(d, r);
            tasks.cancelOpen(TargetCompanyService.CASE_TYPE, c.getId(), Set.of(TargetCompanyService.YEAR_PROCESS_ID),
                    "bedriften er ute av programmet");
            record(c, "TARGET_COMPANY_EXITED", "Ute av programmet " + new Formats().date(d) + " ("
                    + messages.getMessage("targetcompany.exit." + r.name(), null, Locale.forLanguageTag("nb")) + ")");
        }
        KtuSchedule.Dispatch exit = KtuSchedule.after(KtuSchedule.Form.EXIT, c.getExitDate());
        plan(c, exit);
        return Map.of("exitRegisterByAt", endOfDay(KtuSchedule.nextRegistrationDeadline(c.getExitDate())),
                "exitSurveyAt", startOfDay(exit.month().atDay(1)));
    }

    /**
     * The self-declaration expires in 30 days: the operator's staff are told by e-mail (once per expiry date); the
     * renewal task follows.
     */
    @Transactional
    public void remindRenewal(long caseId) {
        TargetCompany c = service.load(caseId);
        Map<String, Object> model = new HashMap<>();
        model.put("company", c);
        model.put("formats", new Formats());
        model.put("subjectArgs", new Object[] {c.getName()});
        for (AppUser u : users.findOperatorStaff(c.getOperatorId())) {
            notifications.enqueue("targetcompany:" + c.getId() + ":renewal-" + c.getSelfDeclarationValidUntil() + ":"
                    + u.getEmail(), u.getEmail(), "targetcompany-renewal", model, TargetCompanyService.CASE_TYPE, c.getId());
        }
        record(c, "RENEWAL_REMINDED", "Påminnelse: egenerklæringen utløper " + new Formats().date(c.getSelfDeclarationValidUntil()));
    }

    /** The exit survey's month has come: the company is handed to the survey (once). */
    @Transactional
    public void orderExitSurvey(long caseId) {
        TargetCompany c = service.load(caseId);
        if (surveys.orderExit(c.getId(), clock.instant())) {
            record(c, "SURVEY_ORDERED", "Meldt til exit-undersøkelsen (kundetilfredshet) til " + c.getSurveyContactEmail());
        }
    }

    private void plan(TargetCompany c, KtuSchedule.Dispatch d) {
        surveys.plan(c.getId(), d.form().name(), d.month().atDay(1), d.registerBy(), c.getSurveyContactName(),
                c.getSurveyContactEmail());
    }

    private void record(TargetCompany c, String action, String summary) {
        record(c, action, summary, null);
    }

    private void record(TargetCompany c, String action, String summary, String details) {
        audit.record(AuditService.SYSTEM, action, TargetCompanyService.CASE_TYPE, c.getId(), c.getOrgNumber(), summary, details);
    }

    static String startOfDay(LocalDate d) {
        return Formats.iso(d, 0, 0);
    }

    static String endOfDay(LocalDate d) {
        return Formats.iso(d, 23, 59);
    }
}
