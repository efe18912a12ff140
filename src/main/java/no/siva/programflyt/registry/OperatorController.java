package no.siva.programflyt.registry;

import jakarta.validation.Valid;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.documents.OperatorDocuments;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
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
class OperatorController {

    private final GrantSteps grantSteps;
    private final OperatorService operators;
    private final CountyRepository counties;
    private final CooperationAgreementRepository agreements;
    private final CaseDirectory cases;
    private final OperatorDocuments documents;

    public OperatorController(OperatorService operators, CountyRepository counties, GrantSteps grantSteps,
                              CooperationAgreementRepository agreements, CaseDirectory cases,
                              OperatorDocuments documents) {
        this.grantSteps = grantSteps;
        this.operators = operators;
        this.counties = counties;
        this.agreements = agreements;
        this.cases = cases;
        this.documents = documents;
    }

    @GetMapping("/operators")
    public String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("operators", operators.visibleTo(user));
        model.addAttribute("counties", counties.findAllByOrderByName());
        model.addAttribute("canEdit", OperatorService.canEdit(user));
        model.addAttribute("canRegister", OperatorService.canRegisterDirectly(user));
        return "registry/operators";
    }

    @GetMapping("/operators/new")
    public String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        OperatorService.requireRegisterDirectly(user);
        return form(new OperatorForm(), null, model);
    }

    @PostMapping("/operators")
    public String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") OperatorForm form,
                         BindingResult errors, Model model, RedirectAttributes flash) {
        OperatorService.requireRegisterDirectly(user);
        if (errors.hasErrors()) {
            return form(form, null, model);
        }
        Operator o = operators.create(user, form);
        if (o == null) {
            errors.rejectValue("orgNumber", "validation.orgNumberTaken");
            return form(form, null, model);
        }
        flash.addFlashAttribute("successKey", "operator.saved");
        return "redirect:/operators/" + o.getId();
    }

    @GetMapping("/operators/{id}")
    public String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("operator", operators.getVisible(user, id));
        model.addAttribute("counties", counties.findAllByOrderByName());
        model.addAttribute("canEdit", OperatorService.canEdit(user));
        model.addAttribute("steps", grantSteps.history(id));
        model.addAttribute("currentStep", grantSteps.current(id).orElse(null));
        CooperationAgreement agreement = agreements.findByOperatorId(id).orElse(null);
        model.addAttribute("agreement", agreement);
        // the admission case the agreement came from, linked only for those who may open it
        model.addAttribute("agreementCase", agreement == null || agreement.getAdmissionCaseId() == null ? null
                : cases.find("ADMISSION", agreement.getAdmissionCaseId())
                        .filter(info -> CaseDirectory.canView(user, info)).orElse(null));
        model.addAttribute("documents", documents.visibleTo(user, id));
        return "registry/operator";
    }

    @GetMapping("/operators/{id}/edit")
    public String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        OperatorService.requireEdit(user);
        return form(OperatorForm.of(operators.getVisible(user, id)), id, model);
    }

    @PostMapping("/operators/{id}")
    public String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                         @Valid @ModelAttribute("form") OperatorForm form, BindingResult errors, Model model,
                         RedirectAttributes flash) {
        OperatorService.requireEdit(user);
        if (errors.hasErrors()) {
            return form(form, id, model);
        }
        try {
            operators.update(user, id, form);
        } catch (BusinessRuleException e) {
            errors.rejectValue(e.field(), e.messageKey());
            return form(form, id, model);
        }
        flash.addFlashAttribute("successKey", "operator.saved");
        return "redirect:/operators/" + id;
    }

    private String form(OperatorForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("operatorId", id);
        model.addAttribute("counties", counties.findAllByOrderByName());
        model.addAttribute("statuses", OperatorStatus.values());
        return "registry/operator-form";
    }
}
