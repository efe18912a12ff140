package no.siva.programflyt.targetcompany;

import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Csv;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.RefusedReturnsTo;
import no.siva.programflyt.targetcompany.ledger.AidLedger;
import no.siva.programflyt.targetcompany.ledger.AidLedgerLine;
import no.siva.programflyt.targetcompany.ledger.AidLedgerRepository;
import no.siva.programflyt.targetcompany.ledger.CostType;
import no.siva.programflyt.tasks.CaseDiagram;
import no.siva.programflyt.tasks.TaskService;
import no.siva.programflyt.tasks.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operator staff's portfolio of target companies, each company's page, its aid ledger, exit and CSV in and out. */
@Controller
class TargetCompanyController {

    private final TargetCompanyService service;
    private final Portfolio portfolio;
    private final TargetCompanyImport importer;
    private final AidLedger ledger;
    private final AidLedgerRepository ledgerLines;
    private final OperatorRepository operators;
    private final TaskService tasks;
    private final AuditService audit;
    private final SurveyDispatches surveys;
    private final MessageSource messages;

    private final Clock clock;

    public TargetCompanyController(Clock clock, TargetCompanyService service, Portfolio portfolio, TargetCompanyImport importer,
                                   AidLedger ledger, AidLedgerRepository ledgerLines, OperatorRepository operators,
                                   TaskService tasks, AuditService audit, SurveyDispatches surveys, MessageSource messages) {
        this.clock = clock;
        this.service = service;
        this.portfolio = portfolio;
        this.importer = importer;
        this.ledger = ledger;
        this.ledgerLines = ledgerLines;
        this.operators = operators;
        this.tasks = tasks;
        this.audit = audit;
        this.surveys = surveys;
        this.messages = messages;
    }

    @GetMapping("/target-companies")
    public String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String q, @RequestParam(required = false) Long operatorId,
                       Model model) {
        model.addAttribute("rows", portfolio.rows(user, status(status), q, operatorId));
        model.addAttribute("operatorId", operatorId);
        model.addAttribute("statuses", TargetCompanyStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("mayRegister", user.isOperatorUser() || user.hasNationalScope());
        model.addAttribute("operators", registerableOperators(user));
        return "targetcompany/list";
    }

    @GetMapping(value = "/target-companies.csv")
    public ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) String q,
                                         @RequestParam(required = false) Long operatorId, Locale locale) {
        String csv = Portfolio.csv(portfolio.rows(user, status(status), q, operatorId),
                s -> messages.getMessage("targetcompany.status." + s, null, locale));
        return Csv.download("malbedrifter.csv", csv);
    }

    @PostMapping("/target-companies")
    public String register(@AuthenticationPrincipal CurrentUser user, @Valid RegistrationForm form, BindingResult binding,
                           Model model, RedirectAttributes flash) {
        Long requested = binding.hasFieldErrors("operatorId") ? null : form.operatorId();
        long operator = Optional.ofNullable(user.operatorOr(requested)).orElse(-1L);
        String orgError = binding.hasFieldErrors("orgNumber") ? "validation.orgNumber" : null;
        String nameError = binding.hasFieldErrors("name") ? "validation.required" : null;
        String operatorError = operators.existsById(operator) ? null : "targetcompany.error.operatorRequired";
        if (orgError != null || nameError != null || operatorError != null) {
            model.addAttribute("orgError", orgError);
            model.addAttribute("nameError", nameError);
            model.addAttribute("operatorError", operatorError);
            return typedAgain(user, form, model);
        }
        try {
            TargetCompany c = service.register(user, operator, form.orgNumber(), form.name(), form.email());
            flash.addFlashAttribute("successKey", "targetcompany.registered");
            return "redirect:/target-companies/" + c.getId();
        } catch (BusinessRuleException e) {
            model.addAttribute("orgError", e.messageKey());
            return typedAgain(user, form, model);
        }
    }

    /** The list with the registration form as it was sent. */
    private String typedAgain(CurrentUser user, RegistrationForm form, Model model) {
        model.addAttribute("orgNumber", form.orgNumber());
        model.addAttribute("name", form.name());
        model.addAttribute("email", form.email());
        return list(user, null, null, null, model);
    }

    @GetMapping("/target-companies/{id}")
    public String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        TargetCompany c = service.getVisible(user, id);
        List<UserTask> caseTasks = tasks.forCase(TargetCompanyService.CASE_TYPE, id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("c", c);
        model.addAttribute("operatorName", operators.findById(c.getOperatorId()).map(o -> o.getName()).orElse(""));
        model.addAttribute("tasks", caseTasks);
        model.addAttribute("history", audit.forCase(TargetCompanyService.CASE_TYPE, id));
        model.addAttribute("lines", ledgerLines.findByTargetCompanyIdOrderByServiceDateAscIdAsc(id));
        model.addAttribute("usedEur", ledger.usedEur(c, today));
        model.addAttribute("headroomEur", ledger.headroomEur(c, today).max(BigDecimal.ZERO));
        model.addAttribute("capEur", ledger.caps().inForce(today));
        model.addAttribute("grants", ledger.grants(id));
        model.addAttribute("grantedNok", ledger.grantedNok(id));
        model.addAttribute("invoicedNok", ledger.invoicedNok(id));
        model.addAttribute("group", ledger.group(c));
        model.addAttribute("surveys", surveys.ofCompany(id));
        model.addAttribute("mayWork", TargetCompanyService.mayWork(user, c));
        model.addAttribute("costTypes", CostType.values());
        model.addAttribute("exitReasons", List.of(ExitReason.EARLY_TERMINATION, ExitReason.NO_LONGER_SME, ExitReason.TAKEOVER));
        model.addAttribute("diagram", CaseDiagram.of(TargetCompanyService.PROCESS_ID, caseTasks));
        return "targetcompany/case";
    }

    @PostMapping("/target-companies/{id}/ledger")
    public String addLine(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                          @Valid @ModelAttribute("aidLine") AidForms.Line form, BindingResult errors,
                          @RequestParam Map<String, String> typed, RedirectAttributes flash) {
        TargetCompany c = service.getVisible(user, id);
        if (!TargetCompanyService.mayWork(user, c)) {
            throw new AccessDeniedException("may not record aid");
        }
        flash.addFlashAttribute("line", AidForms.typed(typed,
                List.of("serviceDate", "costType", "description", "marketValue", "ownContribution")));
        var error = AidForms.firstError(errors, AidForms.Line.ERRORS);
        if (error.isPresent()) {
            return refused(flash, id, error.get().getKey(), error.get().getValue(), "stotte");
        }
        try {
            AidLedgerLine l = ledger.record(id, new AidLedger.LineInput(form.serviceDate(), CostType.valueOf(form.costType()),
                    form.description(), form.marketValue(), form.ownContribution()), user.username());
            flash.addFlashAttribute("line", null);
            flash.addFlashAttribute("successKey", "ledger.recorded");
            flash.addFlashAttribute("successArgs", new Object[] {new Formats().nok(l.getAidNok())});
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("fieldErrorKey", e.messageKey());
            flash.addFlashAttribute("fieldErrorArgs", e.args());
            flash.addFlashAttribute("fieldError", e.field() == null ? "serviceDate" : e.field());
        }
        return "redirect:/target-companies/" + id + "#stotte";
    }

    /** An increase of the aid granted: a new grant with its own date, checked against the cap on that date (§14.5). */
    @PostMapping("/target-companies/{id}/grant")
    public String increaseGrant(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                @Valid @ModelAttribute("aidGrant") AidForms.Grant form, BindingResult errors,
                                @RequestParam Map<String, String> typed, RedirectAttributes flash) {
        TargetCompany c = service.getVisible(user, id);
        if (!TargetCompanyService.mayWork(user, c)) {
            throw new AccessDeniedException("may not grant aid");
        }
        flash.addFlashAttribute("grantInput", AidForms.typed(typed, AidForms.Grant.ERRORS.keySet()));
        var error = AidForms.firstError(errors, AidForms.Grant.ERRORS);
        if (error.isPresent()) {
            return refused(flash, id, error.get().getKey(), error.get().getValue(), "innvilget");
        }
        try {
            // a company taken over from another system has no agreement grant yet: its first grant is the agreement's
            ledger.grant(id, form.grantDate(), form.grantAmount(), form.grantReason().trim(), user.username());
            flash.addFlashAttribute("grantInput", null);
            flash.addFlashAttribute("successKey", "ledger.grantRecorded");
            flash.addFlashAttribute("successArgs",
                    new Object[] {new Formats().nok(form.grantAmount()), new Formats().date(form.grantDate())});
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("fieldErrorKey", e.messageKey());
            flash.addFlashAttribute("fieldErrorArgs", e.args());
            flash.addFlashAttribute("fieldError", "date".equals(e.field()) ? "grantDate" : "grantAmount");
        }
        return "redirect:/target-companies/" + id + "#innvilget";
    }

    private static String refused(RedirectAttributes flash, long id, String field, String key, String anchor) {
        flash.addFlashAttribute("fieldError", field);
        flash.addFlashAttribute("fieldErrorKey", key);
        flash.addFlashAttribute("fieldErrorArgs", new Object[0]);
        return "redirect:/target-companies/" + id + "#" + anchor;
    }

    @PostMapping("/target-companies/{id}/exit")
    @RefusedReturnsTo("/target-companies/{id}")
    public String exit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid ExitForm form,
                       BindingResult binding, RedirectAttributes flash) {
        if (binding.hasErrors()) {
            flash.addFlashAttribute("errorKey", "import.error.date");
        } else {
            service.requestExit(user, id, form.reason(), form.exitDate());
            flash.addFlashAttribute("successKey", "targetcompany.exitRequested");
        }
        return "redirect:/target-companies/" + id;
    }

    /** The month's invoice basis (market value, own contribution, aid, VAT) for one operator, as CSV. */
    @GetMapping("/target-companies/ledger.csv")
    public ResponseEntity<byte[]> month(@AuthenticationPrincipal CurrentUser user, @RequestParam YearMonth month,
                                        @RequestParam(required = false) Long operatorId) {
        long operator = Optional.ofNullable(user.operatorOr(operatorId)).orElse(-1L);
        if (!user.actsFor(operator)) {
            throw new AccessDeniedException("not this operator");
        }
        StringBuilder sb = new StringBuilder("\uFEFFOrganisasjonsnummer;Dato;Kostnadstype;Beskrivelse;Markedsverdi;Egenandel;"
                + "Støtte;MVA på egenandel;Støtte (EUR)\r\n");
        for (AidLedgerLine l : ledger.month(operator, month)) {
            sb.append(String.join(";", l.getOrgNumber(), l.getServiceDate().toString(), l.getCostType().name(),
                    Csv.cell(l.getDescription()), money(l.getMarketValueNok()), money(l.getOwnContributionNok()),
                    money(l.getAidNok()), money(l.getVatNok()), money(l.getAidEur()))).append("\r\n");
        }
        return Csv.download("fakturagrunnlag-" + month + ".csv", sb.toString());
    }

    @PostMapping("/target-companies/import")
    public String importCsv(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file,
                            @RequestParam(required = false) Long operatorId, Model model, RedirectAttributes flash)
            throws IOException {
        long operator = Optional.ofNullable(user.operatorOr(operatorId)).orElse(-1L);
        TargetCompanyImport.Result r = importer.importCsv(user, operator, file.getBytes());
        if (!r.errors().isEmpty()) {
            model.addAttribute("importErrors", r.errors());
            return list(user, null, null, null, model);
        }
        flash.addFlashAttribute("successKey", "import.done");
        flash.addFlashAttribute("successArgs", new Object[] {r.imported()});
        return "redirect:/target-companies";
    }

    private List<Operator> registerableOperators(CurrentUser user) {
        if (user.isOperatorUser()) {
            return List.of();
        }
        return operators.findAllByOrderByName().stream().filter(o -> o.getStatus() == OperatorStatus.ACTIVE).toList();
    }

    private static TargetCompanyStatus status(String s) {
        try {
            return s == null || s.isBlank() ? null : TargetCompanyStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String money(BigDecimal b) {
        return b.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
