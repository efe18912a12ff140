package no.siva.programflyt.shared;

/**
 * What every process module tells the rest of the app about one of its cases: enough for task pages,
 * the audit trail and access checks. {@code operatorId} is set where operator staff may see the case.
 */
public record CaseInfo(String caseType, long caseId, String title, String businessKey, String countyCode,
                       Long operatorId, String stageKey, String url) {
}
