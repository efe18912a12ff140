package no.siva.programflyt.admission;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.brreg.BrregClient;
import no.siva.programflyt.brreg.RegisterEntry;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.documents.PdfRenderer;
import no.siva.programflyt.registry.CooperationAgreement;
import no.siva.programflyt.registry.CooperationAgreementRepository;
import no.siva.programflyt.registry.CountyRepository;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.ProgrammePeriod;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the admission process's service tasks do. Each step loads its case FOR UPDATE and keys every side effect
 * (operator by org number, agreement by operator, letter by case, e-mail by case/step/recipient), so a job delivered
 * twice has one effect.
 */
@Service
class AdmissionSteps {

    private final AdmissionService admissions;
    private final AdmissionMail mail;
    private final BrregClient register;
    private final OperatorRepository operators;
    private final CooperationAgreementRepository agreements;
    private final CountyRepository counties;
    private final DocumentService documents;
    private final PdfRenderer pdf;
    private final UserTaskRepository tasks;
    private final AppUserRepository users;
    private final AuditService audit;

    private final Clock clock;
    private final ProgrammePeriod programme;

    public AdmissionSteps(Clock clock, ProgrammePeriod programme, AdmissionService admissions,
                          AdmissionMail mail, BrregClient register,
                          OperatorRepository operators, CooperationAgreementRepository agreements,
                          CountyRepository counties, DocumentService documents, PdfRenderer pdf,
                          UserTaskRepository tasks, AppUserRepository users, AuditService audit) {
        this.clock = clock;
        this.programme = programme;
        this.admissions = admissions;
        this.mail = mail;
        this.register = register;
        this.operators = operators;
        this.agreements = agreements;
        this.counties = counties;
        this.documents = documents;
        this.pdf = pdf;
        this.tasks = tasks;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Looks the company up in Enhetsregisteret and records what the register says. An outage throws (the job is
     * retried with back-off, then becomes an incident); "not registered" is recorded and flagged, never passed over.
     */
    @Transactional
    public void lookupRegister(long caseId) {
        AdmissionCase c = admissions.load(caseId);
        RegisterEntry entry = register.lookup(c.getOrgNumber()).orElse(null);
        c.registerChecked(entry, clock.instant());
        String summary = entry == null ? "Enhetsregisteret: organisasjonsnummeret er ikke registrert"
                : "Enhetsregisteret: " + entry.name() + ", " + entry.orgFormCode() + ", næringskode " + entry.naceCode()
                        + (entry.bankrupt() ? ", KONKURS" : "") + (entry.underLiquidation() ? ", UNDER AVVIKLING" : "");
        audit.record(AuditService.SYSTEM, "REGISTER_CHECKED", AdmissionService.CASE_TYPE, c.getId(), c.getOrgNumber(),
                summary, null);
    }

    @Transactional
    public void notifyCommissionReceived(long caseId) {
        AdmissionCase c = admissions.load(caseId);
        c.workStarted();
        mail.send("commission-received", List.of(mail.sivaMailbox()), "admission-commission-received", c);
    }

    @Transactional
    public void sendNotQualifiedLetters(long caseId) {
        AdmissionCase c = admissions.load(caseId);
        if (!c.getStatus().closed()) {
            c.close(AdmissionStatus.NOT_QUALIFIED, clock.instant());
            audit.record(AuditService.SYSTEM, "CASE_CLOSED", AdmissionService.CASE_TYPE, c.getId(), c.getOrgNumber(),
                    "Saken er avsluttet: selskapet er ikke kvalifisert for opptak", null);
        }
        mail.send("not-qualified", mail.officialsAndCompany(c), "admission-not-qualified", c);
    }

    @Transactional
    public void sendProposal(long caseId) {
        AdmissionCase c = admissions.load(caseId);
        mail.send("proposal", mail.countyOfficials(c), "admission-proposal", c);
    }

    @Transactional
    public void notifyRejection(long caseId) {
        AdmissionCase c = admissions.load(caseId);
        List<String> to = new ArrayList<>(List.of(mail.sivaMailbox()));
        if (c.getCompanyEmail() != null) {
            to.add(c.getCompanyEmail());
        }
        mail.send("rejected", to, "admission-rejected", c);
    }

    @Transactional
    public void sendRecommendation(long caseId) {
        AdmissionCase c = admissions.load(caseId);
        if (!c.getStatus().closed()) {
            c.close(AdmissionStatus.RECOMMENDATION_GIVEN, clock.instant());
        }
        mail.send("recommendation", mail.countyOfficials(c), "admission-recommendation", c);
    }

    /**
     * Creates the operator (a second delivery finds it by org number) and its cooperation agreement for a first
     * five-year period with a possible five-year extension (§12.1), and closes the case as admitted.
     *
     * @return the operator's id, for the onboarding tasks' candidate group
     */
    @Transactional
    public long admitOperator(long caseId) {
        AdmissionCase c = admissions.load(caseId);
        LocalDate today = LocalDate.now(clock);
        Operator operator = operators.findByOrgNumber(c.getOrgNumber()).orElse(null);
        if (operator == null) {
            operator = new Operator(c.getOrgNumber(), c.getCompanyName(), c.getCountyCode(), OperatorStatus.ACTIVE, null, clock.instant());
            operator.startFirstPeriod(today, programme.end());
            operator = operators.save(operator);
            audit.record(AuditService.SYSTEM, "OPERATOR_ADMITTED", AdmissionService.CASE_TYPE, c.getId(), c.getOrgNumber(),
                    "Operatøren er tatt opp i programmet for perioden " + new Formats().date(operator.getPeriodStart())
                            + "–" + new Formats().date(operator.getPeriodEnd()),
                    null);
        }
        long operatorId = operator.getId();
        if (agreements.findByOperatorId(operatorId).isEmpty()) {
            CooperationAgreement a = agreements.save(new CooperationAgreement(operatorId, c.getId(),
                    operator.getPeriodStart() == null ? today : operator.getPeriodStart(), c.getDecidedGrant(),
                    c.getCountyReservations(), programme.end(), clock.instant()));
            audit.record(AuditService.SYSTEM, "AGREEMENT_CREATED", AdmissionService.CASE_TYPE, c.getId(), c.getOrgNumber(),
                    "Samarbeidsavtale " + new Formats().date(a.getStartDate()) + "–" + new Formats().date(a.getEndDate())
                            + ", mulig forlengelse til " + new Formats().date(a.getExtensionUntil()),
                    null);
        }
        if (c.getStatus() != AdmissionStatus.ADMITTED) {
            c.admitted(operatorId, clock.instant());
        }
        mail.send("admitted", mail.officialsAndCompany(c), "admission-admitted", c);
        return operatorId;
    }

    /** Generates the grant letter once (kept on the case) and e-mails it to the company and the counties. */
    @Transactional
    public Document sendGrantLetter(long caseId) {
        AdmissionCase c = admissions.load(caseId);
        Document letter = documents.storeGenerated(AdmissionService.CASE_TYPE, c.getId(), Document.GRANT_LETTER,
                "tilsagnsbrev-" + c.getOrgNumber() + ".pdf", "application/pdf", grantLetterPdf(c));
        List<String> to = new ArrayList<>(mail.countyOfficials(c));
        if (c.getCompanyEmail() != null) {
            to.add(0, c.getCompanyEmail());
        }
        mail.send("grant-letter", to, "admission-grant-letter", c, Map.of(), letter.getId());
        return letter;
    }

    byte[] grantLetterPdf(AdmissionCase c) {
        Operator operator = operators.findById(c.getOperatorId()).orElseThrow();
        CooperationAgreement a = agreements.findByOperatorId(operator.getId()).orElseThrow();
        Formats f = new Formats();
        Map<String, Object> model = new HashMap<>();
        model.put("operator", operator);
        model.put("address", c.getRegisterAddress() == null ? "" : c.getRegisterAddress());
        model.put("county", counties.findById(c.getCountyCode()).map(x -> x.getName()).orElse(c.getCountyCode()));
        model.put("grant", f.nok(c.getDecidedGrant()));
        model.put("period", f.date(a.getStartDate()) + "–" + f.date(a.getEndDate()));
        model.put("extension", f.date(a.getExtensionUntil()));
        model.put("reservations", c.getCountyReservations());
        model.put("date", f.date(LocalDate.now(clock)));
        model.put("caseRef", "ADMISSION-" + c.getId());
        model.put("contactUser", c.getProposedBy());   // the case handler who proposed the grant answers for the letter
        return pdf.render("letters/tilsagnsbrev", model);
    }

    /** A reminder before the pilot project's end date, to the case handler who has the task (else Siva's mailbox). */
    @Transactional
    public void remindPilotEnd(long caseId, long jobKey) {
        AdmissionCase c = admissions.load(caseId);
        String to = openTask(c, "gjennomfore-forprosjekt").map(UserTask::getAssignee)
                .flatMap(users::findById).map(u -> u.getEmail()).orElse(mail.sivaMailbox());
        mail.send("pilot-reminder-" + jobKey, List.of(to), "admission-pilot-reminder", c);
    }

    /** The pilot project's end date has passed without a conclusion: the project leaders are told. */
    @Transactional
    public void escalatePilotOverdue(long caseId, long jobKey) {
        AdmissionCase c = admissions.load(caseId);
        mail.send("pilot-overdue-" + jobKey, mail.projectLeaders(), "admission-pilot-overdue", c);
        audit.record(AuditService.SYSTEM, "ESCALATED", AdmissionService.CASE_TYPE, c.getId(), c.getOrgNumber(),
                "Sluttdatoen for forprosjektet er passert: prosjektleder er varslet", null);
    }

    /** The county's decision has waited: its officials are reminded (every occurrence of the cycle once). */
    @Transactional
    public void remindCounty(long caseId, long jobKey) {
        AdmissionCase c = admissions.load(caseId);
        mail.send("county-reminder-" + jobKey, mail.countyOfficials(c), "admission-county-reminder", c);
    }

    @Transactional
    public void completeOnboarding(long caseId) {
        AdmissionCase c = admissions.load(caseId);
        if (c.getOnboardingCompletedAt() == null) {
            c.onboardingCompleted(clock.instant());
            audit.record(AuditService.SYSTEM, "ONBOARDING_COMPLETED", AdmissionService.CASE_TYPE, c.getId(),
                    c.getOrgNumber(), "Oppstartsoppgavene er fullført; rapporteringskalenderen startes", null);
        }
    }

    private Optional<UserTask> openTask(AdmissionCase c, String elementId) {
        return tasks.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(AdmissionService.CASE_TYPE, c.getId()).stream()
                .filter(t -> t.isOpen() && t.getElementId().equals(elementId)).findFirst();
    }
}
