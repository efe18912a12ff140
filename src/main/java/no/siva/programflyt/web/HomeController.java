package no.siva.programflyt.web;

import java.time.Clock;
import java.time.Instant;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.tasks.TaskQuery;
import no.siva.programflyt.tasks.TaskService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
public class HomeController {

    private final TaskService tasks;
    private final no.siva.programflyt.security.OidcLogin oidc;

    private final boolean demoUsers;

    private final Clock clock;

    public HomeController(Clock clock, TaskService tasks, no.siva.programflyt.security.OidcLogin oidc,
                          @org.springframework.beans.factory.annotation.Value("${programflyt.demo.users:false}") boolean demoUsers) {
        this.clock = clock;
        this.tasks = tasks;
        this.oidc = oidc;
        this.demoUsers = demoUsers;
    }

    @GetMapping("/")
    public String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        Instant now = clock.instant();
        model.addAttribute("mineCount", tasks.inboxCount(user, TaskQuery.of("mine", null, null, null, null), now));
        model.addAttribute("groupCount", tasks.inboxCount(user, TaskQuery.of("groups", null, null, null, null), now));
        model.addAttribute("overdueCount", tasks.inboxCount(user, TaskQuery.of("groups", null, "overdue", null, null), now));
        return "home";
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("oidc", oidc.enabled());
        model.addAttribute("demoUsers", demoUsers);
        return "login";
    }

    @GetMapping("/error/403")
    public String forbidden(jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }
}
