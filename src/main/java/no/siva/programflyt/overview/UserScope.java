package no.siva.programflyt.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.security.CurrentUser;

/**
 * What any of the user's roles lets her see, as an SQL condition (as {@code CaseDirectory.canView}): Siva and
 * administrators everything, a county official her counties, operator staff their own operator, anyone else nothing.
 * The caller names its columns: {@code inCounties} reads {@code :scopeCounties} (the counties, comma-separated),
 * {@code ofOperator} reads {@code :scopeOperator}.
 */
record UserScope(String sql, Map<String, Object> params) {

    static UserScope of(CurrentUser user, String inCounties, String ofOperator) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (user.hasNationalScope()) {
            return new UserScope("true", p);
        }
        List<String> or = new ArrayList<>();
        if (user.isCountyOfficial() && !user.counties().isEmpty()) {
            or.add(inCounties);
            p.put("scopeCounties", String.join(",", user.counties()));
        }
        if (user.isOperatorUser()) {
            or.add(ofOperator);
            p.put("scopeOperator", user.operatorId());
        }
        return new UserScope(or.isEmpty() ? "false" : "(" + String.join(" or ", or) + ")", p);
    }
}
