package no.siva.programflyt.cases;

import java.util.Set;

/**
 * What every process module tells the rest of the app about one of its cases: enough for task pages,
 * the audit trail and access checks. {@code counties} are the counties whose officials may see the case (the lead
 * county first in {@code countyCode}); {@code operatorId} is set where operator staff may see the case.
 */
public record CaseInfo(String caseType, long caseId, String title, String businessKey, String countyCode,
                       Set<String> counties, Long operatorId, String stageKey, String url) {}
