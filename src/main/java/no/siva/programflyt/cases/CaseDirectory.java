package no.siva.programflyt.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Looks cases up across modules and answers the one scope rule every case page shares. */
@Component
public class CaseDirectory {

    private final Map<String, CaseProvider> byType;
    private final Map<String, CaseProvider> byProcess;

    public CaseDirectory(List<CaseProvider> providers) {
        this.byType = providers.stream().collect(Collectors.toMap(CaseProvider::caseType, Function.identity()));
        this.byProcess = new HashMap<>();
        for (CaseProvider p : providers) {
            p.bpmnProcessIds().forEach(id -> byProcess.put(id, p));
        }
    }

    public Optional<CaseInfo> find(String caseType, Long caseId) {
        if (caseType == null || caseId == null || !byType.containsKey(caseType)) {
            return Optional.empty();
        }
        return byType.get(caseType).find(caseId);
    }

    public Optional<CaseProvider> provider(String caseType) {
        return Optional.ofNullable(caseType == null ? null : byType.get(caseType));
    }

    public Collection<CaseProvider> providers() {
        return byType.values();
    }

    public Optional<String> caseTypeOfProcess(String bpmnProcessId) {
        return Optional.ofNullable(byProcess.get(bpmnProcessId)).map(CaseProvider::caseType);
    }

    /** Siva sees every case; a county official her counties' cases (lead or co-commissioner); operator staff their own operator's. */
    public static boolean canView(CurrentUser user, CaseInfo info) {
        if (user.hasNationalScope()) {
            return true;
        }
        if (user.isCountyOfficial() && info.counties().stream().anyMatch(user.counties()::contains)) {
            return true;
        }
        return user.isOperatorUser() && info.operatorId() != null && info.operatorId().equals(user.operatorId());
    }

    /** The case if it exists and the user may see it; otherwise 404 (never reveal another county's case). */
    public CaseInfo requireVisible(CurrentUser user, String caseType, long caseId) {
        return find(caseType, caseId).filter(c -> canView(user, c))
                .orElseThrow(() -> new NotFoundException("case " + caseType + "/" + caseId));
    }
}
