package no.siva.programflyt.incidents;

import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.RefusedReturnsTo;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The incident list for Siva case handlers (access: see SecurityConfig). */
@Controller
class IncidentController {

    private final IncidentService incidents;

    public IncidentController(IncidentService incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/incidents")
    public String list(Model model) {
        model.addAttribute("incidents", incidents.open());
        return "incidents/list";
    }

    @PostMapping("/incidents/{id}/retry")
    @RefusedReturnsTo("/incidents")
    public String retry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        incidents.retry(id, user.username());
        flash.addFlashAttribute("successKey", "incident.retried");
        return "redirect:/incidents";
    }
}
