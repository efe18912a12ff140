package no.siva.programflyt.overview;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The programme at a glance: operators by status and county, target companies active, admitted and exited per year
 * and per operator, and innovation aid used against each operator's grant. Within the user's scope (a county official
 * her county's operators, operator staff their own). Each chart has its table beside it.
 */
@Controller
class FiguresController {

    public record OperatorFigures(long id, String name, String countyCode, String status, long active, long admitted,
                                  long exited, BigDecimal aid, BigDecimal grant) {}

    public record YearFigures(int year, long admitted, long exited) {}

    private final JdbcClient jdbc;
    private final Labels labels;

    private final Clock clock;

    public FiguresController(Clock clock, JdbcClient jdbc, Labels labels) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.labels = labels;
    }

    @GetMapping("/overview/figures")
    public String figures(@AuthenticationPrincipal CurrentUser user, Model model) {
        int year = LocalDate.now(clock).getYear();
        String scope;
        Map<String, Object> p = new LinkedHashMap<>();
        if (user.hasNationalScope()) {
            scope = "true";
        } else if (user.isCountyOfficial() && !user.counties().isEmpty()) {
            scope = "o.county_code in (:counties)";
            p.put("counties", List.copyOf(user.counties()));
        } else if (user.isOperatorUser()) {
            scope = "o.id = :operator";
            p.put("operator", user.operatorId());
        } else {
            scope = "false";
        }
        p.put("year", year);
        List<OperatorFigures> operators = jdbc.sql("""
                select o.id, o.name, o.county_code, o.status,
                  (select count(*) from target_company t where t.operator_id = o.id and t.status = 'ACTIVE'),
                  (select count(*) from target_company t where t.operator_id = o.id and extract(year from t.agreement_start) = :year),
                  (select count(*) from target_company t where t.operator_id = o.id and extract(year from t.exit_date) = :year),
                  (select coalesce(sum(l.aid_nok), 0) from aid_ledger_line l join target_company t on t.id = l.target_company_id
                     where t.operator_id = o.id and extract(year from l.service_date) = :year),
                  (select a.annual_grant from cooperation_agreement a where a.operator_id = o.id)
                from operator o where\s""" + scope + " order by o.county_code, o.name")
                .params(p).query((rs, n) -> new OperatorFigures(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9)))
                .list();
        Map<String, Map<String, Long>> byCounty = new TreeMap<>();
        for (OperatorFigures o : operators) {
            byCounty.computeIfAbsent(o.countyCode(), k -> new LinkedHashMap<>()).merge(o.status(), 1L, Long::sum);
        }
        List<YearFigures> years = new ArrayList<>();
        for (int y = year - 4; y <= year; y++) {
            Map<String, Object> py = new LinkedHashMap<>(p);
            py.put("year", y);
            long[] c = jdbc.sql("select (select count(*) from target_company t join operator o on o.id = t.operator_id where "
                    + scope + " and extract(year from t.agreement_start) = :year), (select count(*) from target_company t "
                    + "join operator o on o.id = t.operator_id where " + scope + " and extract(year from t.exit_date) = :year)")
                    .params(py).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            years.add(new YearFigures(y, c[0], c[1]));
        }
        model.addAttribute("year", year);
        model.addAttribute("operators", operators);
        model.addAttribute("byCounty", byCounty);
        model.addAttribute("years", years);
        model.addAttribute("statusChart", chart(byCounty));
        model.addAttribute("yearChart", yearChart(years));
        return "overview/figures";
    }

    /** Chart.js data for operators by county and status (stacked bars), as JSON for the canvas. */
    private String chart(Map<String, Map<String, Long>> byCounty) {
        List<String> counties = byCounty.keySet().stream().map(labels::county).toList();
        StringBuilder b = new StringBuilder("{\"type\":\"bar\",\"stacked\":true,\"labels\":").append(json(counties))
                .append(",\"datasets\":[");
        String[][] statuses = {{"ACTIVE", "Aktiv"}, {"IN_FOLLOW_UP", "Under oppfølging"}, {"TERMINATED", "Avsluttet"}};
        for (int i = 0; i < statuses.length; i++) {
            String s = statuses[i][0];
            List<Long> data = byCounty.values().stream().map(m -> m.getOrDefault(s, 0L)).toList();
            b.append(i == 0 ? "" : ",").append("{\"label\":\"").append(statuses[i][1]).append("\",\"data\":").append(data).append('}');
        }
        return b.append("]}").toString();
    }

    private String yearChart(List<YearFigures> years) {
        return "{\"type\":\"bar\",\"labels\":" + json(years.stream().map(y -> String.valueOf(y.year())).toList())
                + ",\"datasets\":[{\"label\":\"Tatt opp\",\"data\":" + years.stream().map(YearFigures::admitted).toList()
                + "},{\"label\":\"Gått ut\",\"data\":" + years.stream().map(YearFigures::exited).toList() + "}]}";
    }

    private static String json(List<String> strings) {
        return strings.stream().map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
