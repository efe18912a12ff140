package no.siva.programflyt.differentiation;

import java.util.List;
import java.util.Optional;
import no.siva.programflyt.differentiation.RoundCounties.Part;
import java.util.Set;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import no.siva.programflyt.registry.Labels;
import org.springframework.stereotype.Component;

/**
 * One county's part of a round (the called process differentiation-county) as a case of the overview: seen by Siva
 * and that county's officials, its stage from the county's row, its state following the round's events.
 */
@Component
class DifferentiationCountyCaseProvider implements CaseProvider {

    public static final String CASE_TYPE = "DIFFERENTIATION_COUNTY";

    private final RoundCounties counties;
    private final Labels labels;

    DifferentiationCountyCaseProvider(RoundCounties counties, Labels labels) {
        this.counties = counties;
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

    @Override
    public Optional<CaseInfo> find(long caseId) {
        return counties.part(caseId).map(p -> new CaseInfo(CASE_TYPE, p.id(), "Differensiering " + p.year() + ": "
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
        return counties.part(caseId).map(p -> new CaseFacts(p.basisSentAt(), "godkjent".equals(p.feedback()) ? p.feedbackAt() : null,
                p.year(), new CaseFacts.TaskOwner(DifferentiationService.CASE_TYPE, p.roundId(), p.countyCode())))
                .orElse(CaseFacts.NONE);
    }

    /** Every event of a round may move its county parts. */
    @Override
    public List<Long> followers(String caseType, long caseId) {
        if (!DifferentiationService.CASE_TYPE.equals(caseType)) {
            return List.of();
        }
        return counties.idsOfRound(caseId);
    }
}
