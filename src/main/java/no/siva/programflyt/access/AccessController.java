package no.siva.programflyt.access;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.InvitationAcceptance;
import no.siva.programflyt.security.OidcLogin;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The access pages: who has access and the open invitations (administrators: everyone; an operator's manager: the
 * operator's staff), the invitation form, a person's page (change, suspend, resume, withdraw), and the public page an
 * invitation's link opens.
 */
@Controller
class AccessController {

    private final AccessAdministration access;
    private final PeopleAdministration people;
    private final Labels labels;
    private final OperatorRepository operators;
    private final OidcLogin logins;

    AccessController(AccessAdministration access, PeopleAdministration people, Labels labels, OperatorRepository operators,
                     OidcLogin logins) {
        this.access = access;
        this.people = people;
        this.labels = labels;
        this.operators = operators;
        this.logins = logins;
    }

    @GetMapping("/tilgang")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("people", people.people(user));
        model.addAttribute("invitations", access.openInvitations(user));
        return "access/list";
    }

    @GetMapping("/tilgang/inviter")
    String inviteForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        return form(user, model, AccessAdministration.InviteForm.empty(), Map.of());
    }

    @PostMapping("/tilgang/inviter")
    String invite(@AuthenticationPrincipal CurrentUser user, @ModelAttribute AccessAdministration.InviteForm form,
                  Model model, RedirectAttributes flash) {
        AccessAdministration.Outcome outcome = access.invite(user, form);
        if (!outcome.ok()) {
            return form(user, model, form, outcome.errors());
        }
        flash.addFlashAttribute("successKey", "access.invited");
        flash.addFlashAttribute("successArgs", new Object[] {form.fullName().strip(), form.email().strip()});
        return "redirect:/tilgang";
    }

    private String form(CurrentUser user, Model model, AccessAdministration.InviteForm form,
                        Map<String, String> errors) {
        var roles = access.invitableRoles(user);
        model.addAttribute("roles", roles);
        // an operator's manager invites staff only: the one choice is made
        model.addAttribute("form", roles.size() == 1 && (form.role() == null || form.role().isBlank())
                ? new AccessAdministration.InviteForm(form.fullName(), form.email(), roles.get(0).name(), form.counties(),
                        form.operatorId(), form.operatorManager())
                : form);
        model.addAttribute("errors", errors);
        model.addAttribute("counties", labels.countiesByName());
        model.addAttribute("operators", user.isAdmin() ? operators.findAll(Sort.by("name"))
                : List.of(operators.findById(user.operatorId()).orElseThrow()));
        return "access/invite";
    }

    @PostMapping("/tilgang/invitasjoner/{id}/trekk-tilbake")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        access.revoke(user, id);
        flash.addFlashAttribute("successKey", "access.invitationRevoked");
        return "redirect:/tilgang";
    }

    @GetMapping("/tilgang/personer/{username}")
    String person(@AuthenticationPrincipal CurrentUser user, @PathVariable String username, Model model) {
        AccessAdministration.Person person = people.person(user, username);
        return personPage(user, model, person, people.formOf(user, username), Map.of());
    }

    private String personPage(CurrentUser user, Model model, AccessAdministration.Person person,
                              AccessAdministration.InviteForm form, Map<String, String> errors) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("self", user.username().equals(person.username()));
        if (user.isAdmin()) {
            model.addAttribute("roles", access.invitableRoles(user));
            model.addAttribute("counties", labels.countiesByName());
            model.addAttribute("operators", operators.findAll(Sort.by("name")));
        }
        return "access/person";
    }

    @PostMapping("/tilgang/personer/{username}")
    String change(@AuthenticationPrincipal CurrentUser user, @PathVariable String username,
                  @ModelAttribute AccessAdministration.InviteForm form, Model model, RedirectAttributes flash) {
        AccessAdministration.Outcome outcome = people.change(user, username, form);
        if (!outcome.ok()) {
            return personPage(user, model, people.person(user, username), form, outcome.errors());
        }
        flash.addFlashAttribute("successKey", "access.changed");
        return "redirect:/tilgang/personer/" + username;
    }

    @PostMapping("/tilgang/personer/{username}/{action:stans|gjenopprett|trekk-tilbake}")
    String state(@AuthenticationPrincipal CurrentUser user, @PathVariable String username, @PathVariable String action,
                 RedirectAttributes flash) {
        boolean done = switch (action) {
            case "stans" -> people.suspend(user, username);
            case "gjenopprett" -> people.resume(user, username);
            default -> people.withdraw(user, username);
        };
        flash.addFlashAttribute(done ? "successKey" : "errorKey", done ? "access.state." + action : "access.error.state");
        return "redirect:/tilgang/personer/" + username;
    }

    /** The link in the invitation's e-mail: what she is invited to, and the login to take it with. Changes nothing. */
    @GetMapping("/invitasjon/{secret:[A-Za-z0-9_-]{20,100}}")
    String invitation(@PathVariable String secret, Model model) {
        var view = access.view(secret);
        if (view.isEmpty() || view.get().state() != Invitation.State.PENDING) {
            return "redirect:" + OidcLogin.INVITATION_REFUSED + "?grunn=" + refusal(view);
        }
        model.addAttribute("invitation", view.get());
        model.addAttribute("secret", secret);
        model.addAttribute("oidc", logins.enabled());
        return "access/invitation";
    }

    /**
     * «Ta imot med ID-porten»: the invitation is accepted at the login that follows (OidcLogin), through that provider.
     * A POST with the page's CSRF token, so that no other site can put an invitation into someone's login.
     */
    @PostMapping("/invitasjon/{secret:[A-Za-z0-9_-]{20,100}}")
    String accept(@PathVariable String secret, @RequestParam String provider, HttpSession session) {
        var view = access.view(secret);
        if (view.isEmpty() || view.get().state() != Invitation.State.PENDING) {
            return "redirect:" + OidcLogin.INVITATION_REFUSED + "?grunn=" + refusal(view);
        }
        if (!logins.enabled() || view.get().providers().stream().noneMatch(p -> p.getKey().equals(provider))) {
            return "redirect:" + OidcLogin.INVITATION_REFUSED + "?grunn=wrongProvider";
        }
        session.setAttribute(InvitationAcceptance.PENDING, AccessAdministration.secretHash(secret));
        return "redirect:/oauth2/authorization/" + provider;
    }

    private static String refusal(Optional<AccessAdministration.InvitationView> view) {
        return view.isEmpty() ? "unknown" : switch (view.get().state()) {
            case ACCEPTED -> "used";
            case EXPIRED -> "expired";
            default -> "revoked";
        };
    }

    @GetMapping(OidcLogin.INVITATION_REFUSED)
    String refused(@RequestParam(name = "grunn", defaultValue = "unknown") String reason, Model model) {
        model.addAttribute("reason", List.of("unknown", "expired", "used", "revoked", "wrongProvider", "alreadyBound").contains(reason)
                ? reason : "unknown");
        return "access/refused";
    }
}
