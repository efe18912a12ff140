package no.siva.programflyt.overview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.siva.programflyt.overview.ProgrammeFigures.OperatorFigures;
import no.siva.programflyt.overview.ProgrammeFigures.YearFigures;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.security.CurrentUser;
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

    private final ProgrammeFigures figures;
    private final Labels labels;

    private final Clock clock;

    public FiguresController(Clock clock, ProgrammeFigures figures, Labels labels) {
        this.clock = clock;
        this.figures = figures;
        this.labels = labels;
    }

    @GetMapping("/overview/figures")
    public String figures(@AuthenticationPrincipal CurrentUser user, Model model) {
        int year = LocalDate.now(clock).getYear();
        List<OperatorFigures> operators = figures.operators(user, year);
        Map<String, Map<String, Long>> byCounty = new TreeMap<>();
        for (OperatorFigures o : operators) {
            byCounty.computeIfAbsent(o.countyCode(), k -> new LinkedHashMap<>()).merge(o.status(), 1L, Long::sum);
        }
        List<YearFigures> years = new ArrayList<>();
        for (int y = year - 4; y <= year; y++) {
            years.add(figures.admittedAndExited(user, y));
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
