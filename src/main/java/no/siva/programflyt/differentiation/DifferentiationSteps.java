package no.siva.programflyt.differentiation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.documents.PdfRenderer;
import no.siva.programflyt.followup.FollowUpTriggers;
import no.siva.programflyt.followup.TriggerType;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.registry.GrantSteps;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the round's service tasks do. Each loads the round FOR UPDATE and keys its side effects (letters by round and
 * kind, e-mails by round, step and recipient, follow-up triggers by round and operator), so a job delivered twice has
 * one effect.
 */
@Service
class DifferentiationSteps {

    private final DifferentiationService service;
    private final DifferentiationAnalysis analysis;
    private final GrantModelService grantModels;
    private final DifferentiationMail mail;
    private final OperatorRepository operators;
    private final DocumentService documents;
    private final PdfRenderer pdf;
    private final Labels labels;
    private final FollowUpTriggers followUp;
    private final UserTaskRepository taskRows;
    private final LimitedCases limited;
    private final DiffResults results;
    private final AuditService audit;

    private final Clock clock;
    private final GrantSteps grantSteps;
    private final RoundCounties countyRows;

    public DifferentiationSteps(Clock clock, GrantSteps grantSteps, DifferentiationService service, RoundCounties countyRows,
                                DifferentiationAnalysis analysis,
                                GrantModelService grantModels,
                                DifferentiationMail mail,
                                OperatorRepository operators, DocumentService documents, PdfRenderer pdf, Labels labels,
                                FollowUpTriggers followUp, UserTaskRepository taskRows, LimitedCases limited, DiffResults results,
                                AuditService audit) {
        this.clock = clock;
        this.grantSteps = grantSteps;
        this.service = service;
        this.countyRows = countyRows;
        this.analysis = analysis;
        this.grantModels = grantModels;
        this.mail = mail;
        this.operators = operators;
        this.documents = documents;
        this.pdf = pdf;
        this.labels = labels;
        this.followUp = followUp;
        this.taskRows = taskRows;
        this.limited = limited;
        this.results = results;
        this.audit = audit;
    }

    /** The round of the given id, or (the yearly timer) this year's round. */
    @Transactional
    public Map<String, Object> plan(Long roundId, long processInstanceKey) {
        return service.plan(roundId, LocalDate.now(clock).getYear(), processInstanceKey);
    }

    /**
     * A year without differentiation: the operators under special follow-up get their limited analysis (§7.1) in
     * their follow-up cases; the round records who they are and tells the project leaders.
     */
    @Transactional
    public void limitedAnalysis(long roundId) {
        DiffRound r = service.load(roundId);
        // the open follow-ups whose limited analysis falls in this year (flagged by the previous year's analysis, or
        // due this year), and those not yet concluded (their analysis is not scheduled yet)
        List<Map<String, Object>> cases = limited.openForYear(r.getYear());
        String names = cases.stream().map(m -> (String) m.get("name")).collect(Collectors.joining(", "));
        if (r.getCompletedAt() == null) {
            r.limitedAnalysis(names.isEmpty() ? "-" : names, clock.instant());
            audit.record(AuditService.SYSTEM, "DIFF_LIMITED_ANALYSIS", DifferentiationService.CASE_TYPE, roundId,
                    String.valueOf(r.getYear()), "Ikke differensieringsår: begrenset analyse av operatører under særskilt "
                            + "oppfølging (" + (names.isEmpty() ? "ingen" : names) + ")",
                    null);
        }
        mail.send("limited", mail.projectLeaders(), "diff-limited", r, "/differentiation/" + roundId,
                Map.of("cases", cases), new Object[] {String.valueOf(r.getYear())}, null);
    }

    /** The information basis to every county: result groups (no exact scores) with minimum and potential (§15.3.2). */
    @Transactional
    public Map<String, Object> sendBasis(long roundId) {
        Instant now = clock.instant();
        DiffRound r = service.load(roundId);
        service.ensureCountyRows(roundId);
        List<Map<String, Object>> counties = service.roundCounties(roundId);
        for (Map<String, Object> c : counties) {
            String code = (String) c.get("code");
            Document basis = countyDocument(r, "INFORMASJONSGRUNNLAG-" + code, "letters/differensiering-grunnlag", code, Map.of());
            mail.send("basis:" + code, mail.county(code), "diff-basis", r, "/differentiation/" + roundId + "/county/" + code,
                    Map.of("county", c.get("name")), new Object[] {String.valueOf(r.getYear()), c.get("name")}, basis.getId());
        }
        r.basisSent(now);
        recordOnce(r, "DIFF_BASIS_SENT", "basis", "Informasjonsgrunnlaget er sendt til " + counties.size() + " fylkeskommuner");
        LocalDate next = ZonedDateTime.ofInstant(now, Formats.OSLO).toLocalDate().plusDays(1);
        return Map.of("briefAt", Formats.iso(next, 9, 0), "counties", counties);
    }

    /** The day after: every operator gets the same short briefing at the same time (§15.3.3). */
    @Transactional
    public void briefOperators(long roundId) {
        DiffRound r = service.load(roundId);
        List<String> to = new ArrayList<>();
        for (Operator o : service.participants()) {
            to.addAll(mail.operatorStaff(o.getId()));
        }
        mail.send("briefing", NotificationService.recipients(to), "diff-briefing", r, "/differentiation/mine", Map.of(),
                new Object[] {String.valueOf(r.getYear())}, null);
        r.operatorsBriefed(clock.instant());
    }

    /** A reminder before a step's date: to whoever holds the task, else its candidates (counties) or the project leaders. */
    @Transactional
    public void remind(long roundId, String step, String countyCode, long pass) {
        DiffRound r = service.load(roundId);
        List<String> to = holder(roundId, step, countyCode).map(List::of).orElseGet(() -> countyCode != null
                && (step.equals("budsjettramme") || step.equals("tilbakemelding")) ? mail.county(countyCode) : mail.projectLeaders());
        mail.send("remind:" + step + ":" + (countyCode == null ? "-" : countyCode) + ":" + pass, to, "diff-reminder", r,
                "/differentiation/" + roundId, stepModel(r, step, countyCode), subject(r, step, countyCode), null);
    }

    /** A step past its date: the project leaders hear of it (and the county, for the county's own steps). */
    @Transactional
    public void escalate(long roundId, String step, String countyCode, long pass) {
        DiffRound r = service.load(roundId);
        boolean countyStep = countyCode != null && (step.equals("budsjettramme") || step.equals("tilbakemelding"));
        List<String> to = countyStep ? NotificationService.recipients(mail.projectLeaders(), mail.county(countyCode))
                : mail.projectLeaders();
        String key = "escalate:" + step + ":" + (countyCode == null ? "-" : countyCode) + ":" + pass;
        mail.send(key, to, "diff-escalation", r,
                "/differentiation/" + roundId, stepModel(r, step, countyCode), subject(r, step, countyCode), null);
        recordOnce(r, "DIFF_STEP_LATE", key, "Fristen er passert: " + stepLabel(step)
                + (countyCode == null ? "" : " (" + labels.county(countyCode) + ")"));
    }

    /** The placement proposal to the county, as a PDF (§15.3.7); keyed by the job's element instance (one per pass). */
    @Transactional
    public void sendProposal(long roundId, String countyCode, long elementInstanceKey) {
        DiffRound r = service.load(roundId);
        Document d = countyDocument(r, "FORSLAG-" + countyCode + "-" + elementInstanceKey, "letters/differensiering-forslag",
                countyCode, Map.of());
        countyRows.proposalSent(roundId, countyCode, clock.instant());
        mail.send("proposal:" + countyCode + ":" + elementInstanceKey, mail.county(countyCode), "diff-proposal", r,
                "/differentiation/" + roundId + "/county/" + countyCode, Map.of("county", labels.county(countyCode)),
                new Object[] {String.valueOf(r.getYear()), labels.county(countyCode)}, d.getId());
    }

    /** The county has agreed: when every county has, the round waits for the board. */
    @Transactional
    public void countyDone(long roundId, String countyCode) {
        DiffRound r = service.load(roundId);
        if (service.counties(roundId).stream().allMatch(DifferentiationService.CountyRow::accepted)) {
            r.boardWaiting();
        }
        recordOnce(r, "DIFF_COUNTY_DONE", "county-done:" + countyCode,
                labels.county(countyCode) + " har sluttet seg til forslaget");
    }

    /**
     * Each operator is told its step from next year, its result groups and why, with the counties' reservations
     * (§15.3.10): one letter and one e-mail per operator, however often the job runs.
     */
    @Transactional
    public void notifyOperators(long roundId) {
        DiffRound r = service.load(roundId);
        GrantModelService.GrantModel model = grantModels.load(r.getGrantModelId());
        Map<String, DifferentiationService.CountyRow> counties = new HashMap<>();
        service.counties(roundId).forEach(c -> counties.put(c.countyCode(), c));
        for (DifferentiationAnalysis.OperatorResult res : analysis.results(roundId)) {
            Operator o = operators.findById(res.operatorId()).orElseThrow();
            if (res.proposedStep() == null) {   // cannot happen through the tasks; an incident rather than "trinn null"
                throw new IllegalStateException("No proposed step for operator " + o.getId() + " in round " + roundId);
            }
            DifferentiationService.CountyRow county = counties.get(o.getCountyCode());
            Map<String, Object> m = new HashMap<>();
            m.put("operator", o);
            m.put("result", res);
            m.put("county", labels.county(o.getCountyCode()));
            m.put("reservations", county == null ? null : county.reservations());
            m.put("amount", model.amount(res.proposedStep()));
            m.put("model", model);
            m.put("criteria", Criterion.values());
            m.put("reasons", res.reasons() == null ? List.of() : List.of(res.reasons().split("\n")));
            Document letter = documents.storeGenerated(DifferentiationService.CASE_TYPE, roundId, "VARSEL-" + o.getId(),
                    "innplassering-" + r.getYear() + "-" + o.getOrgNumber() + ".pdf", "application/pdf",
                    pdf.render("letters/differensiering-varsel", letterModel(r, m)));
            results.notified(roundId, o.getId(), letter.getId(), clock.instant());
            // «med virkning fra første halvår det kommende året»: the step is in force from 1 January
            grantSteps.record(o.getId(), res.proposedStep(), LocalDate.of(r.getYear() + 1, 1, 1), GrantSteps.DIFFERENTIATION,
                    roundId, AuditService.SYSTEM);
            mail.send("notify:" + o.getId(), NotificationService.recipients(mail.operatorRecipients(o), mail.county(o.getCountyCode())),
                    "diff-notification", r, "/differentiation/mine", m,
                    new Object[] {String.valueOf(r.getYear() + 1), o.getName()}, letter.getId());
        }
        r.notified(clock.instant());
        recordOnce(r, "DIFF_NOTIFIED", "notified", "Operatørene er varslet om innplasseringen fra " + (r.getYear() + 1));
    }

    /**
     * Operators whose analysis «viser flere områder med negativ utvikling» (§6.6) start an extraordinary follow-up: the
     * number of criteria with negative development over the three report years (frozen with the analysis), against the
     * threshold of the round's method. Being in the lowest group does not by itself raise one. The trigger names the
     * round and the day of its analysis: the limited analysis is due a year after it.
     */
    @Transactional
    public void flagFollowUp(long roundId) {
        DiffRound r = service.load(roundId);
        int threshold = service.method(r).thresholds().negativeAreas();
        LocalDate analysedOn = r.getAnalysisDoneAt().atZone(Formats.OSLO).toLocalDate();
        for (DifferentiationAnalysis.OperatorResult res : analysis.results(roundId)) {
            if (res.negativeAreas() >= threshold && res.negativeCriteria() != null) {
                String areas = Arrays.stream(res.negativeCriteria().split(","))
                        .map(c -> Criterion.valueOf(c).label())
                        .collect(Collectors.joining(", "));
                // the negative criteria's lines (the whole development is on the round's page for the operator)
                String lines = res.development() == null ? "" : Arrays.stream(res.development().split("\n"))
                        .filter(l -> l.contains(": negativ utvikling")).collect(Collectors.joining("\n"));
                String evidence = "Differensieringen " + r.getYear() + ": negativ utvikling de tre siste rapportårene på "
                        + areas + "." + (lines.isEmpty() ? "" : "\n" + lines);
                followUp.publishAfterCommit(res.operatorId(), TriggerType.DIFFERENTIATION,
                        evidence.length() > 1000 ? evidence.substring(0, 999) + "…" : evidence,
                        "differensiering-" + r.getYear() + "-" + res.operatorId(), AuditService.SYSTEM, roundId, analysedOn);
            }
        }
    }

    @Transactional
    public void complete(long roundId) {
        DiffRound r = service.load(roundId);
        r.completed(clock.instant());
        recordOnce(r, "DIFF_ROUND_COMPLETED", "completed", "Differensieringsrunden " + r.getYear() + " er fullført");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** An audit entry on the round, once per key, however often its job is delivered. */
    private void recordOnce(DiffRound r, String action, String key, String summary) {
        audit.recordOnce(AuditService.SYSTEM, action, DifferentiationService.CASE_TYPE, r.getId(),
                String.valueOf(r.getYear()), summary, key);
    }

    private Document countyDocument(DiffRound r, String kind, String template, String countyCode, Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>(extra);
        m.put("county", labels.county(countyCode));
        m.put("countyCode", countyCode);
        m.put("results", analysis.results(r.getId(), countyCode));
        m.put("criteria", Criterion.values());
        m.put("countyRow", service.county(r.getId(), countyCode).orElse(null));
        GrantModelService.GrantModel model = r.getGrantModelId() == null ? null : grantModels.load(r.getGrantModelId());
        m.put("model", model);
        m.put("sum", analysis.proposedSum(r, countyCode));
        return documents.storeGenerated(DifferentiationService.CASE_TYPE, r.getId(), kind,
                kind.toLowerCase() + "-" + r.getYear() + ".pdf", "application/pdf", pdf.render(template, letterModel(r, m)));
    }

    private Map<String, Object> letterModel(DiffRound r, Map<String, Object> m) {
        Formats f = new Formats();
        m.put("r", r);
        m.put("f", f);
        m.put("date", f.date(LocalDate.now(clock)));
        m.put("caseRef", "DIFFERENSIERING-" + r.getYear());
        return m;
    }

    private Optional<String> holder(long roundId, String step, String countyCode) {
        return taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DifferentiationService.CASE_TYPE, roundId).stream()
                .filter(t -> t.isOpen() && step.equals(t.getElementId())
                        && (countyCode == null || countyCode.equals(t.getCountyCode())))
                .map(UserTask::getAssignee).filter(Objects::nonNull).findFirst().flatMap(mail::emailOf);
    }

    private Map<String, Object> stepModel(DiffRound r, String step, String countyCode) {
        Map<String, Object> m = new HashMap<>();
        m.put("step", stepLabel(step));
        m.put("due", r.calendar().get(step) == null ? "" : new Formats().date(r.calendar().get(step)));
        m.put("county", countyCode == null ? null : labels.county(countyCode));
        // the county's own steps (frame, feedback) let the other counties go on; Siva's own steps hold the round
        m.put("countyStep", countyCode != null && (step.equals("budsjettramme") || step.equals("tilbakemelding")));
        return m;
    }

    private Object[] subject(DiffRound r, String step, String countyCode) {
        return new Object[] {stepLabel(step) + (countyCode == null ? "" : " (" + labels.county(countyCode) + ")"),
                String.valueOf(r.getYear())};
    }

    static String stepLabel(String step) {
        return switch (step) {
            case "informasjonsmote" -> "Informasjonsmøte med fylkeskommunene";
            case "analyse" -> "Differensieringsanalysen";
            case "fylkesmote" -> "Møte med fylkeskommunen";
            case "budsjettramme" -> "Foreløpig ramme fra fylkeskommunen";
            case "modellgjennomgang" -> "Gjennomgang av modellene";
            case "plasseringsforslag" -> "Forslag til innplassering";
            case "tilbakemelding" -> "Fylkeskommunens tilbakemelding";
            case "programstyret" -> "Programstyrets behandling";
            default -> step;
        };
    }
}
