package no.siva.programflyt.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.ProgrammePeriod;
import no.siva.programflyt.targetcompany.DevelopmentDialogues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reporting calendar: the year as an annual wheel and as a list (an operator's own, or every operator's for Siva
 * with the overdue first), an iCalendar feed per operator, and the year's target figures (locked once approved).
 */
@Controller
class ReportingController {

    private final ReportingService reporting;
    private final TargetFigures figures;
    private final OperatorRepository operators;
    private final CalendarFeeds feeds;
    private final OperatorService operatorService;
    private final String baseUrl;

    private final Clock clock;
    private final ProgrammePeriod programme;
    private final DevelopmentDialogues dialogues;

    public ReportingController(Clock clock, ProgrammePeriod programme,
                               DevelopmentDialogues dialogues, ReportingService reporting,
                               TargetFigures figures, OperatorRepository operators,
                               CalendarFeeds feeds, OperatorService operatorService,
                               @Value("${programflyt.base-url}") String baseUrl) {
        this.clock = clock;
        this.programme = programme;
        this.dialogues = dialogues;
        this.operatorService = operatorService;
        this.reporting = reporting;
        this.figures = figures;
        this.operators = operators;
        this.feeds = feeds;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/reporting")
    public String calendar(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long operatorId,
                           @RequestParam(required = false) Integer year, Model model) {
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        List<Operator> visible = operatorService.visibleTo(user);
        Long chosen = user.operatorOr(operatorId);
        if (chosen != null && visible.stream().noneMatch(o -> o.getId().equals(chosen))) {
            throw new NotFoundException("operator " + chosen);
        }
        List<ReportingService.Row> rows = chosen != null ? reporting.forOperator(chosen, y, today)
                : reporting.all(y, today).stream().filter(r -> visible.stream().anyMatch(o -> o.getId() == r.operatorId())).toList();
        Map<Long, String> names = new TreeMap<>();
        visible.forEach(o -> names.put(o.getId(), o.getName()));
        model.addAttribute("rows", rows);
        model.addAttribute("names", names);
        model.addAttribute("operators", user.isOperatorUser() ? List.of() : visible);
        model.addAttribute("operatorId", chosen);
        model.addAttribute("year", y);
        model.addAttribute("today", today);
        model.addAttribute("aheadYear", y == today.getYear() && reporting.looksAhead(y + 1, today) ? y + 1 : null);
        model.addAttribute("lastYear", programme.end().getYear());
        model.addAttribute("wheel", AnnualWheel.svg(y, rows, today));
        model.addAttribute("moneyDates", List.of(
                new Object[] {LocalDate.of(y, Month.MARCH, 1), "reporting.money.countiesPay"},
                new Object[] {LocalDate.of(y, Month.MARCH, 15), "reporting.money.sivaPaysFirst"},
                new Object[] {LocalDate.of(y, Month.SEPTEMBER, 1), "reporting.money.sivaPaysSecond"}));
        return "reporting/calendar";
    }

    @GetMapping("/reporting/calendar.ics")
    public ResponseEntity<byte[]> ics(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long operatorId,
                                      @RequestParam(required = false) Integer year) {
        Operator o = chosenOperator(user, operatorId);
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        String body = Ics.of("Rapporteringsfrister " + y + " – " + o.getName(), reporting.forOperator(o.getId(), y,
                LocalDate.now(clock)),
                o.getName(), "https://programflyt.siva.no/reporting", clock.instant());
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rapporteringsfrister-" + y + ".ics").build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The subscription address for a calendar app: a secret per operator in the URL (calendar apps cannot log in).
     * Anyone who may see the operator's calendar gets the address; a new secret replaces the old one.
     */
    @PostMapping("/reporting/feed")
    public String feed(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long operatorId,
                       RedirectAttributes flash) {
        Operator o = chosenOperator(user, operatorId);
        String token = feeds.renew(o.getId());
        flash.addFlashAttribute("successKey", "reporting.feed.created");
        flash.addFlashAttribute("successArgs", new Object[] {baseUrl + "/calendar-feed/" + token + ".ics"});
        return "redirect:/reporting?operatorId=" + o.getId();
    }

    @GetMapping("/calendar-feed/{token}.ics")
    public ResponseEntity<byte[]> subscribed(@PathVariable String token) {
        Operator o = feeds.operatorOf(token).flatMap(operators::findById)
                .orElseThrow(() -> new NotFoundException("feed"));
        LocalDate today = LocalDate.now(clock);
        int y = today.getYear();
        List<ReportingService.Row> rows = new ArrayList<>(reporting.forOperator(o.getId(), y, today));
        rows.addAll(reporting.forOperator(o.getId(), y + 1, today));   // the coming year's from 1 December
        String body = Ics.of("Rapporteringsfrister – " + o.getName(), rows, o.getName(), baseUrl + "/reporting", clock.instant());
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/reporting/target-figures")
    public String targetFigures(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long operatorId,
                                @RequestParam int year, Model model) {
        Operator o = chosenOperator(user, operatorId);
        model.addAttribute("operator", o);
        model.addAttribute("year", year);
        model.addAttribute("figures", figures.find(o.getId(), year).orElse(null));
        model.addAttribute("mayEdit", mayEditTargetFigures(user));
        model.addAttribute("actuals", dialogues.actuals(o.getId(), year));
        return "reporting/target-figures";
    }

    @PostMapping("/reporting/target-figures")
    public String saveTargetFigures(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long operatorId,
                                    @RequestParam int year, @RequestParam Map<String, String> params, RedirectAttributes flash) {
        Operator o = chosenOperator(user, operatorId);
        if (!mayEditTargetFigures(user)) {
            throw new AccessDeniedException("operator staff only");
        }
        Map<String, Object> values = new TreeMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("f.")) {
                values.put(k.substring(2), v);
            }
        });
        figures.save(o.getId(), year, values, user);   // refused with a clear message once locked
        flash.addFlashAttribute("successKey", "reporting.figuresSaved");
        return "redirect:/reporting/target-figures?year=" + year + (user.isOperatorUser() ? "" : "&operatorId=" + o.getId());
    }

    /** The operator's staff set their target figures (administrators may correct them); Siva approves them. */
    private static boolean mayEditTargetFigures(CurrentUser user) {
        return user.isOperatorUser() || user.isAdmin();
    }

    private Operator chosenOperator(CurrentUser user, Long operatorId) {
        Long chosen = user.operatorOr(operatorId);
        if (chosen == null) {
            throw new NotFoundException("operator");
        }
        return operatorService.getVisible(user, chosen);
    }
}
