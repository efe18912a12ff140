package no.siva.programflyt.admission;

import jakarta.validation.Valid;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.registry.CountyRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Amounts;
import no.siva.programflyt.tasks.TaskService;
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
public class AdmissionController {

    private final AdmissionService admissions;
    private final CountyRepository counties;
    private final TaskService tasks;
    private final AuditService audit;
    private final NotificationService notifications;

    public AdmissionController(AdmissionService admissions, CountyRepository counties, TaskService tasks,
                               AuditService audit, NotificationService notifications) {
        this.admissions = admissions;
        this.counties = counties;
        this.tasks = tasks;
        this.audit = audit;
        this.notifications = notifications;
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
        if (form.getCountyCode() != null && !user.isSiva() && !user.isAdmin() && !user.counties().contains(form.getCountyCode())) {
            errors.rejectValue("countyCode", "validation.notYourCounty");
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
        model.addAttribute("c", c);
        model.addAttribute("tasks", tasks.forCase(AdmissionService.CASE_TYPE, id));
        model.addAttribute("history", audit.forCase(AdmissionService.CASE_TYPE, id));
        model.addAttribute("mails", user.isSiva() || user.isAdmin()
                ? notifications.forCase(AdmissionService.CASE_TYPE, id) : java.util.List.of());
        return "admission/case";
    }

    private String form(CurrentUser user, CommissionForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("counties", counties.findAllByOrderByName().stream()
                .filter(c -> user.isSiva() || user.isAdmin() || user.counties().contains(c.getCode())).toList());
        model.addAttribute("projectTypes", ProjectType.values());
        return "admission/new";
    }


    private static void requireRegister(CurrentUser user) {
        if (!AdmissionService.mayRegister(user)) {
            throw new AccessDeniedException("may not register commissions");
        }
    }
}
