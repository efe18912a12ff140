package no.siva.programflyt.overview;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.incidents.IncidentRepository;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.registry.OperatorService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Csv;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.tasks.CaseDiagram;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where every case of every process stands: counts by stage, overdue and due-soon tasks, the cases themselves
 * (filtered, sorted, paged, exported as CSV or Excel, views saved for one's role), each case's page, and the
 * programme's figures. Every query runs within the user's scope (see {@link CaseStates}).
 */
@Controller
class OverviewController {

    static final List<String> TYPES = List.of("ADMISSION", "FOLLOW_UP", "DIFFERENTIATION", "DIFFERENTIATION_COUNTY",
            "TARGET_COMPANY", "REPORTING", "EVALUATION");

    private final CaseStates overview;
    private final SavedViews views;
    private final CaseDirectory cases;
    private final UserTaskRepository taskRows;
    private final AuditService audit;
    private final DocumentService documents;
    private final IncidentRepository incidents;
    private final OperatorService operators;
    private final Labels labels;
    private final MessageSource messages;

    private final Clock clock;

    public OverviewController(Clock clock, CaseStates overview, SavedViews views, CaseDirectory cases,
                              UserTaskRepository taskRows, AuditService audit, DocumentService documents,
                              IncidentRepository incidents, OperatorService operators, Labels labels,
                              MessageSource messages) {
        this.clock = clock;
        this.overview = overview;
        this.views = views;
        this.cases = cases;
        this.taskRows = taskRows;
        this.audit = audit;
        this.documents = documents;
        this.incidents = incidents;
        this.operators = operators;
        this.labels = labels;
        this.messages = messages;
    }

    @GetMapping("/overview")
    public String overview(@AuthenticationPrincipal CurrentUser user, @RequestParam MultiValueMap<String, String> params,
                           Model model) {
        OverviewQuery q = OverviewQuery.from(params);
        Instant now = clock.instant();
        model.addAttribute("q", q);
        model.addAttribute("result", overview.page(user, q, now));
        model.addAttribute("counts", overview.countsByStage(user, q, now));
        model.addAttribute("overdue", overview.tasks(user, q, now, true, 20));
        model.addAttribute("soon", overview.tasks(user, q, now, false, 20));
        model.addAttribute("types", TYPES);
        model.addAttribute("views", views.forUser(user));
        model.addAttribute("operators", operators.visibleTo(user));
        model.addAttribute("counties", user.hasNationalScope() ? labels.counties() : user.counties().stream()
                .collect(Collectors.toMap(c -> c, labels::county, (a, b) -> a, TreeMap::new)));
        model.addAttribute("now", now);
        return "overview/index";
    }

    /** The current view as CSV (semicolon, UTF-8 with BOM), written as it is read. */
    @GetMapping("/overview/export.csv")
    public ResponseEntity<StreamingResponseBody> csv(@AuthenticationPrincipal CurrentUser user,
                                                     @RequestParam MultiValueMap<String, String> params) {
        OverviewQuery q = OverviewQuery.from(params);
        Instant now = clock.instant();
        StreamingResponseBody body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("\uFEFF" + String.join(";", header()) + "\r\n");
            overview.each(user, q, now, r -> {
                try {
                    w.write(String.join(";", cells(r).stream().map(Csv::cell).toList()) + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("oversikt.csv").build().toString())
                .body(body);
    }

    /** The current view as Excel, with POI's streaming workbook (at most 200 rows in memory) written to the response. */
    @GetMapping("/overview/export.xlsx")
    public ResponseEntity<StreamingResponseBody> excel(@AuthenticationPrincipal CurrentUser user,
                                                       @RequestParam MultiValueMap<String, String> params) {
        OverviewQuery q = OverviewQuery.from(params);
        Instant now = clock.instant();
        StreamingResponseBody body = out -> {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
                Sheet sheet = wb.createSheet("Oversikt");
                // typed cells (issue 23, point 12): numbers are numbers, dates are dates in Norwegian format, so that
                // Excel sorts, filters and sums them; the heading is bold, frozen and filterable
                var dateStyle = wb.createCellStyle();
                dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
                var timeStyle = wb.createCellStyle();
                timeStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
                var bold = wb.createCellStyle();
                var font = wb.createFont();
                font.setBold(true);
                bold.setFont(font);
                Row head = sheet.createRow(0);
                List<String> h = header();
                for (int i = 0; i < h.size(); i++) {
                    var cell = head.createCell(i);
                    cell.setCellValue(h.get(i));
                    cell.setCellStyle(bold);
                }
                sheet.createFreezePane(0, 1);
                int[] n = {1};
                overview.each(user, q, now, r -> {
                    Row row = sheet.createRow(n[0]++);
                    List<Object> c = typedCells(r);
                    for (int i = 0; i < c.size(); i++) {
                        var cell = row.createCell(i);
                        switch (c.get(i)) {
                            case null -> cell.setBlank();
                            case Number num -> cell.setCellValue(num.doubleValue());
                            case LocalDate d -> {
                                cell.setCellValue(d);
                                cell.setCellStyle(dateStyle);
                            }
                            case LocalDateTime t -> {
                                cell.setCellValue(t);
                                cell.setCellStyle(timeStyle);
                            }
                            default -> cell.setCellValue(c.get(i).toString());
                        }
                    }
                });
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, n[0] - 1), 0, h.size() - 1));
                wb.write(out);
                wb.dispose();
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("oversikt.xlsx").build().toString())
                .body(body);
    }

    @PostMapping("/overview/views")
    public String saveView(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String name,
                           @RequestParam MultiValueMap<String, String> params, RedirectAttributes flash) {
        OverviewQuery q = OverviewQuery.from(params).withPage(0);
        String key = views.save(user, name, q);
        flash.addFlashAttribute(key.startsWith("overview.error") ? "errorKey" : "successKey", key);
        return "redirect:/overview" + (q.queryString().isEmpty() ? "" : "?" + q.queryString());
    }

    @PostMapping("/overview/views/{id}/delete")
    public String deleteView(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        views.delete(user, id);
        flash.addFlashAttribute("successKey", "overview.viewDeleted");
        return "redirect:/overview";
    }

    /** The processes whose modules show a whole case on their own page. */
    static final Set<String> OWN_CASE_PAGES = Set.of("ADMISSION", "FOLLOW_UP", "TARGET_COMPANY", "DIFFERENTIATION");

    /** Any case of any process: its diagram with the steps marked, its tasks, history, documents and incidents. */
    @GetMapping("/cases/{caseType}/{caseId}")
    public String casePage(@AuthenticationPrincipal CurrentUser user, @PathVariable String caseType, @PathVariable long caseId,
                           Model model) {
        CaseInfo info = cases.requireVisible(user, caseType, caseId);
        if (OWN_CASE_PAGES.contains(caseType)) {
            // one page per case: a process whose module has a case page (diagram, tasks, documents, history, incidents)
            // shows the case there; the overview, the task list and e-mails may link either address
            return "redirect:" + info.url();
        }
        var provider = cases.provider(caseType).orElseThrow();
        var facts = provider.facts(caseId);
        String taskType = facts.tasks() == null ? caseType : facts.tasks().caseType();
        long taskId = facts.tasks() == null ? caseId : facts.tasks().caseId();
        String taskCounty = facts.tasks() == null ? null : facts.tasks().countyCode();
        List<UserTask> tasks = taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(taskType, taskId).stream()
                .filter(t -> taskCounty == null || taskCounty.equals(t.getCountyCode())).toList();
        String process = provider.mainProcessId();
        boolean staff = user.hasNationalScope();
        model.addAttribute("info", info);
        model.addAttribute("facts", facts);
        model.addAttribute("tasks", tasks);
        model.addAttribute("diagram", process == null ? null : CaseDiagram.of(process, tasks.stream()
                .filter(t -> process.equals(t.getBpmnProcessId()) || taskCounty == null).toList()));
        boolean ownTrail = facts.tasks() == null;   // a round's county part has no trail of its own (the round's is Siva's)
        model.addAttribute("events", ownTrail ? audit.forCase(caseType, caseId) : List.of());
        model.addAttribute("documents", ownTrail ? documents.forCase(caseType, caseId) : List.of());
        model.addAttribute("ownTrail", ownTrail);
        model.addAttribute("incidents", staff ? incidents.findByCaseTypeAndCaseIdAndResolvedAtIsNull(taskType, taskId) : List.of());
        model.addAttribute("staff", staff);
        return "overview/case";
    }

    /** One row for Excel: the same columns as the CSV, with numbers as numbers and dates as Norwegian dates. */
    private List<Object> typedCells(CaseStates.Row r) {
        Locale nb = Locale.forLanguageTag("nb");
        Function<Instant, LocalDate> day = i -> i == null ? null
                : i.atZone(Formats.OSLO).toLocalDate();
        List<Object> c = new ArrayList<>(List.of(messages.getMessage("overview.type." + r.caseType(), null, r.caseType(), nb),
                r.title(), nz(r.businessKey()), labels.county(r.countyCode())));
        c.add(r.year());
        c.add(messages.getMessage(r.stageKey(), null, r.stageKey(), nb));
        c.add(day.apply(r.startedAt()));
        c.add(day.apply(r.endedAt()));
        c.add(nz(r.lastEvent()));
        c.add(r.lastEventAt() == null ? null : r.lastEventAt().atZone(Formats.OSLO).toLocalDateTime().withSecond(0).withNano(0));
        c.add(r.openTasks());
        c.add(r.overdueTasks());
        c.add(day.apply(r.nextDue()));
        c.add(nz(r.assignees()));
        c.add(r.incidents());
        return c;
    }

    private static List<String> header() {
        return List.of("Prosess", "Sak", "Nøkkel", "Fylke", "År", "Steg", "Startet", "Avsluttet", "Siste hendelse",
                "Siste hendelse (tid)", "Åpne oppgaver", "Forfalte oppgaver", "Neste frist", "Tildelt", "Feil");
    }

    private List<String> cells(CaseStates.Row r) {
        Locale nb = Locale.forLanguageTag("nb");
        Formats f = new Formats();
        return List.of(messages.getMessage("overview.type." + r.caseType(), null, r.caseType(), nb), r.title(),
                nz(r.businessKey()), labels.county(r.countyCode()), r.year() == null ? "" : r.year().toString(),
                messages.getMessage(r.stageKey(), null, r.stageKey(), nb), nz(f.date(r.startedAt())), nz(f.date(r.endedAt())),
                nz(r.lastEvent()), nz(f.dateTime(r.lastEventAt())), String.valueOf(r.openTasks()),
                String.valueOf(r.overdueTasks()), nz(f.date(r.nextDue())), nz(r.assignees()), String.valueOf(r.incidents()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
