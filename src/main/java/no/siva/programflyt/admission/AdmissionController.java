package no.siva.programflyt.admission;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.brreg.BrregClient;
import no.siva.programflyt.brreg.RegisterEntry;
import no.siva.programflyt.brreg.RegisterUnavailableException;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.registry.CooperationAgreementRepository;
import no.siva.programflyt.registry.CountyRepository;
import no.siva.programflyt.registry.OperatorOnboardingRepository;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Amounts;
import no.siva.programflyt.shared.OrgNumber;
import no.siva.programflyt.tasks.CaseDiagram;
import no.siva.programflyt.tasks.TaskService;
import no.siva.programflyt.tasks.UserTask;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AdmissionController {

    private final AdmissionService admissions;
    private final CountyRepository counties;
    private final TaskService tasks;
    private final AuditService audit;
    private final NotificationService notifications;
    private final OperatorRepository operators;
    private final BrregClient register;
    private final DocumentService documents;
    private final CooperationAgreementRepository agreements;
    private final OperatorOnboardingRepository onboarding;

    public AdmissionController(AdmissionService admissions, CountyRepository counties, TaskService tasks,
                               AuditService audit, NotificationService notifications, OperatorRepository operators,
                               BrregClient register, DocumentService documents,
                               CooperationAgreementRepository agreements, OperatorOnboardingRepository onboarding) {
        this.admissions = admissions;
        this.counties = counties;
        this.tasks = tasks;
        this.audit = audit;
        this.notifications = notifications;
        this.operators = operators;
        this.register = register;
        this.documents = documents;
        this.agreements = agreements;
        this.onboarding = onboarding;
    }

    @GetMapping("/admission")
    public String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("cases", admissions.visibleTo(user));
        model.addAttribute("mayRegister", AdmissionService.mayRegister(user));
        return "admission/list";
    }

    @GetMapping("/admission/new")
    public String newCommission(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireRegister(user);
        CommissionForm form = new CommissionForm();
        if (user.counties().size() == 1) {
            form.setCountyCode(user.counties().iterator().next());
        }
        return form(user, form, model);
    }

    @PostMapping("/admission")
    public String register(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") CommissionForm form,
                           BindingResult errors, Model model, RedirectAttributes flash) {
        requireRegister(user);
        if (form.getPilotBudget() != null && !form.getPilotBudget().isBlank()
                && Amounts.parse(form.getPilotBudget()).filter(b -> b.signum() > 0).isEmpty()) {
            errors.rejectValue("pilotBudget", "validation.amount");
        }
        if (form.getCountyCode() != null && !AdmissionService.mayCommissionFor(user, form.getCountyCode())) {
            errors.rejectValue("countyCode", "validation.notYourCounty");
        }
        form.getCoCountyCodes().remove(form.getCountyCode());
        if (form.getProjectType() == ProjectType.FORPROSJEKT_OPPTAK) {
            if (isBlank(form.getOrgNumber())) {
                errors.rejectValue("orgNumber", "validation.required");
            }
            if (isBlank(form.getCompanyName())) {
                errors.rejectValue("companyName", "validation.required");
            }
            if (!errors.hasFieldErrors("orgNumber")) {
                checkRegister(form, errors);
            }
        } else if (form.getOperatorId() == null || operators.findById(form.getOperatorId()).isEmpty()) {
            errors.rejectValue("operatorId", "admission.error.operatorRequired");
        }
        if (errors.hasErrors()) {
            return form(user, form, model);
        }
        AdmissionCase c = admissions.register(user, form);
        flash.addFlashAttribute("successKey", "admission.registered");
        return "redirect:/admission/" + c.getId();
    }

    @GetMapping("/admission/{id}")
    public String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        AdmissionCase c = admissions.getVisible(user, id);
        List<UserTask> caseTasks = tasks.forCase(AdmissionService.CASE_TYPE, id);
        model.addAttribute("c", c);
        model.addAttribute("coCounties", c.getCoCounties().stream().map(counties::findById).flatMap(Optional::stream)
                .map(x -> x.getName()).collect(Collectors.joining(", ")));
        model.addAttribute("tasks", caseTasks);
        model.addAttribute("diagram", CaseDiagram.of(AdmissionService.PROCESS_ID, caseTasks));
        model.addAttribute("documents", documents.forCase(AdmissionService.CASE_TYPE, id));
        model.addAttribute("agreement", c.getOperatorId() == null ? null
                : agreements.findByOperatorId(c.getOperatorId()).orElse(null));
        model.addAttribute("onboarding", c.getOperatorId() == null ? null
                : onboarding.findById(c.getOperatorId()).orElse(null));
        model.addAttribute("history", audit.forCase(AdmissionService.CASE_TYPE, id));
        model.addAttribute("mails", user.hasNationalScope()
                ? notifications.forCase(AdmissionService.CASE_TYPE, id) : List.of());
        return "admission/case";
    }

    private String form(CurrentUser user, CommissionForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("counties", counties.findAllByOrderByName().stream()
                .filter(c -> AdmissionService.mayCommissionFor(user, c.getCode())).toList());
        model.addAttribute("allCounties", counties.findAllByOrderByName());
        model.addAttribute("operators", operators.findAllByOrderByName().stream()
                .filter(o -> o.getStatus() == OperatorStatus.ACTIVE)
                .filter(o -> AdmissionService.mayCommissionFor(user, o.getCountyCode())).toList());
        model.addAttribute("projectTypes", ProjectType.values());
        return "admission/new";
    }

    /**
     * Asks Enhetsregisteret while the official is still at the form: an unknown org number is refused at the field.
     * If the register is down the commission is accepted; the process's own lookup retries until it answers.
     */
    private void checkRegister(CommissionForm form, BindingResult errors) {
        try {
            Optional<RegisterEntry> entry = register.lookup(OrgNumber.normalize(form.getOrgNumber()));
            if (entry.isEmpty()) {
                errors.rejectValue("orgNumber", "admission.error.notInRegister");
            }
        } catch (RegisterUnavailableException e) {
            // accepted: the worker's lookup retries with back-off and ends in a visible incident if it never answers
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void requireRegister(CurrentUser user) {
        if (!AdmissionService.mayRegister(user)) {
            throw new AccessDeniedException("may not register commissions");
        }
    }
}
