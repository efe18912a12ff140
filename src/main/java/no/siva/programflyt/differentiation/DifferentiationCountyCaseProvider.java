package no.siva.programflyt.differentiation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import no.siva.programflyt.registry.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One county's part of a round (the called process differentiation-county) as a case of the overview: seen by Siva
 * and that county's officials, its stage from the county's row, its state following the round's events.
 */
@Component
class DifferentiationCountyCaseProvider implements CaseProvider {

    public static final String CASE_TYPE = "DIFFERENTIATION_COUNTY";

    private record Part(long id, long roundId, int year, String countyCode, boolean met, boolean framed, boolean proposed,
                        String feedback, Instant basisSentAt, Instant feedbackAt) {}

    private final JdbcClient jdbc;
    private final Labels labels;

    public DifferentiationCountyCaseProvider(JdbcClient jdbc, Labels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    @Override
    public String caseType() {
        return CASE_TYPE;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of();   // its tasks belong to the round's case (DIFFERENTIATION)
    }

    @Override
    public String mainProcessId() {
        return DifferentiationService.COUNTY_PROCESS_ID;
    }

    private Optional<Part> part(long id) {
        return jdbc.sql("select c.id, c.round_id, r.round_year as year, c.county_code, c.meeting_held_on is not null as met, "
                + "c.frame_at is not null as framed, c.proposal_sent_at is not null as proposed, c.feedback, "
                + "r.basis_sent_at, c.feedback_at from diff_round_county c join diff_round r on r.id = c.round_id "
                + "where c.id = ?")
                .param(id).query(Part.class).optional();
    }

    @Override
    public Optional<CaseInfo> find(long caseId) {
        return part(caseId).map(p -> new CaseInfo(CASE_TYPE, p.id(), "Differensiering " + p.year() + ": "
                + labels.county(p.countyCode()), p.year() + "-" + p.countyCode(), p.countyCode(), Set.of(p.countyCode()),
                null, "differentiation.countyStage." + stage(p),
                "/differentiation/" + p.roundId() + "/county/" + p.countyCode()));
    }

    private static String stage(Part p) {
        if (!p.met()) {
            return "MEETING";
        }
        if (!p.framed()) {
            return "FRAME";
        }
        if (!p.proposed() || "endring".equals(p.feedback())) {
            return "PROPOSAL";
        }
        return "godkjent".equals(p.feedback()) ? "DONE" : "FEEDBACK";
    }

    @Override
    public CaseFacts facts(long caseId) {
        return part(caseId).map(p -> new CaseFacts(p.basisSentAt(), "godkjent".equals(p.feedback()) ? p.feedbackAt() : null,
                p.year(), new CaseFacts.TaskOwner(DifferentiationService.CASE_TYPE, p.roundId(), p.countyCode())))
                .orElse(CaseFacts.NONE);
    }

    /** Every event of a round may move its county parts. */
    @Override
    public List<Long> followers(String caseType, long caseId) {
        if (!DifferentiationService.CASE_TYPE.equals(caseType)) {
            return List.of();
        }
        return jdbc.sql("select id from diff_round_county where round_id = ?").param(caseId).query(Long.class).list();
    }
}
