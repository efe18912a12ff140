package no.siva.programflyt.incidents;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's unresolved incidents, for the case pages of every process ({@code fragments :: caseIncidents}): Siva's
 * staff see them where they look at the case, with «Prøv på nytt», not only on the incident list.
 */
@Component("caseIncidents")
class CaseIncidents {

    private final IncidentRepository incidents;

    CaseIncidents(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    @Transactional(readOnly = true)
    public List<Incident> open(String caseType, long caseId) {
        return incidents.findByCaseTypeAndCaseIdAndResolvedAtIsNull(caseType, caseId);
    }
}
