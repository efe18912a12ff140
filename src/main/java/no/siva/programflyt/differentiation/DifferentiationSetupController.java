package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.Method;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Amounts;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the project leader owns across rounds: the method (bandings and weights, versioned) and the grant model (NOK
 * per step, versioned by period).
 */
@Controller
class DifferentiationSetupController {

    private final Clock clock;
    private final GrantModelService grantModels;
    private final MethodService methods;

    DifferentiationSetupController(Clock clock, GrantModelService grantModels, MethodService methods) {
        this.clock = clock;
        this.grantModels = grantModels;
        this.methods = methods;
    }

    // ---- the method the project leader owns -------------------------------------------------------------------

    @GetMapping("/differentiation/method")
    public String method(@AuthenticationPrincipal CurrentUser user, Model model) {
        DifferentiationAccess.requireSiva(user);
        Method m = methods.current();
        model.addAttribute("method", m);
        model.addAttribute("version", methods.currentVersion().orElse(null));
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("mayChange", DifferentiationAccess.projectLeader(user));
        Map<Criterion, String> weights = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            weights.put(c, new Formats().decimal(m.weights().weight(c).multiply(BigDecimal.valueOf(100))));
        }
        if (!model.containsAttribute("weightInput")) {
            model.addAttribute("weightInput", weights);
        }
        return "differentiation/method";
    }

    @PostMapping("/differentiation/method")
    public String saveMethod(@AuthenticationPrincipal CurrentUser user, @RequestParam MultiValueMap<String, String> form,
                             Model model, RedirectAttributes flash) {
        DifferentiationAccess.requireSiva(user);
        Map<String, String> bandings = new LinkedHashMap<>();
        methods.current().indicators().forEach(i -> bandings.put(i.code(), form.getFirst("b." + i.code())));
        Map<Criterion, String> weights = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            weights.put(c, form.getFirst("w." + c.name()));
        }
        Map<String, String> errors = methods.save(user, bandings, weights, form.getFirst("note"));
        if (!errors.isEmpty()) {
            model.addAttribute("methodErrors", errors);
            model.addAttribute("bandingInput", bandings);
            model.addAttribute("weightInput", weights);
            return method(user, model);
        }
        flash.addFlashAttribute("successKey", "differentiation.method.saved");
        return "redirect:/differentiation/method";
    }

    @GetMapping("/differentiation/grant-model")
    public String grantModel(@AuthenticationPrincipal CurrentUser user, RoundForms.Period period, BindingResult binding,
                             Model model) {
        DifferentiationAccess.requireSiva(user);
        if (binding.hasErrors()) {
            model.addAttribute("errorKey", "differentiation.error.period");
        }
        int first = binding.hasErrors() || period.from() == null ? defaultPeriod() : period.from();
        return grantModel(user, first, model);
    }

    private String grantModel(CurrentUser user, int first, Model model) {
        model.addAttribute("from", first);
        model.addAttribute("versions", grantModels.versions(first));
        model.addAttribute("mayEdit", DifferentiationAccess.projectLeader(user));
        return "differentiation/grant-model";
    }

    @PostMapping("/differentiation/grant-model")
    public String newGrantModel(@AuthenticationPrincipal CurrentUser user, RoundForms.Period period,
                                BindingResult binding, @RequestParam MultiValueMap<String, String> form,
                                @RequestParam(required = false) String note,
                                Model model, RedirectAttributes flash) {
        DifferentiationAccess.requireProjectLeader(user, "project leaders change the grant model");
        SortedMap<Integer, BigDecimal> steps = new TreeMap<>();
        Map<Integer, String> errors = new LinkedHashMap<>();
        for (int i = 1; i <= 20; i++) {
            String raw = form.getFirst("amount." + i);
            if (raw == null || raw.isBlank()) {
                continue;
            }
            BigDecimal v = Amounts.parse(raw).filter(a -> a.signum() > 0).orElse(null);
            if (v == null) {
                errors.put(i, raw);
            } else {
                steps.put(i, v);
            }
        }
        int first = binding.hasErrors() || period.from() == null ? -1 : period.from();
        if (first < 2023 || first > 2040) {
            flash.addFlashAttribute("errorKey", "differentiation.error.period");
            return "redirect:/differentiation/grant-model";
        }
        if (errors.isEmpty()) {
            try {
                grantModels.newVersion(first, steps, note, user.username());
                flash.addFlashAttribute("successKey", "differentiation.grantModelSaved");
                return "redirect:/differentiation/grant-model?from=" + first;
            } catch (BusinessRuleException e) {
                model.addAttribute("stepsError", e.messageKey());
            }
        }
        model.addAttribute("amountErrors", errors);
        model.addAttribute("entered", form);
        return grantModel(user, first, model);
    }

    private int defaultPeriod() {
        int y = LocalDate.now(clock).getYear() + 1;
        return y % 2 == 1 ? y : y - 1;
    }
}
