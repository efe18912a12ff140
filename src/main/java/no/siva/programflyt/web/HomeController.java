package no.siva.programflyt.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.OidcLogin;
import no.siva.programflyt.tasks.TaskQuery;
import no.siva.programflyt.tasks.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final TaskService tasks;
    private final OidcLogin oidc;

    private final boolean demoUsers;

    /** Rows of each table on the home page; the task list has the rest. */
    static final int HOME_ROWS = 10;

    private final Clock clock;
    private final AppUserRepository appUsers;

    /** A demo user as the login page lists it: user name, name, roles. */
    public record DemoLogin(String username, String name, List<String> roles) {}

    public HomeController(Clock clock, TaskService tasks, OidcLogin oidc,
                          @Value("${programflyt.demo.users:false}") boolean demoUsers,
                          AppUserRepository appUsers) {
        this.clock = clock;
        this.appUsers = appUsers;
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
        // the work itself, not only its count: what waits for this user (own and the groups' tasks), earliest deadline
        // first; a project leader also sees what is overdue anywhere in the programme
        model.addAttribute("waiting", tasks.inboxPage(user, TaskQuery.of("groups", null, null, null, null), now, 0)
                .getContent().stream().limit(HOME_ROWS).toList());
        model.addAttribute("overdueAnywhere", user.seesEverything()
                ? tasks.inboxPage(user, TaskQuery.of("all", null, "overdue", null, null), now, 0).getContent().stream()
                        .limit(HOME_ROWS).toList()
                : List.of());
        model.addAttribute("now", now);
        model.addAttribute("dueSoon", tasks.dueSoonWindow());
        return "home";
    }

    /** The person who signed in but has no access: a clear page, nothing else (she is not signed in). */
    @GetMapping(OidcLogin.NO_ACCESS)
    public String noAccess() {
        return "no-access";
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("oidc", oidc.enabled());
        model.addAttribute("providers", oidc.enabled() ? oidc.providers() : Map.of());
        // the demo lists every demo user it created, with name and roles (the password is the same for all); the
        // login page must work while the database is away, so the list is read once and then kept
        model.addAttribute("demoUsers", demoUsers ? demoLogins() : List.of());
        return "login";
    }

    private volatile List<DemoLogin> demoLogins;

    private List<DemoLogin> demoLogins() {
        if (demoLogins == null) {
            try {
                List<DemoLogin> read = appUsers.findAll(Sort.by("username")).stream()
                        .filter(AppUser::isEnabled)
                        .map(u -> new DemoLogin(u.getUsername(), u.getFullName(),
                                u.getRoles().stream().sorted().map(r -> "role." + r.name()).toList()))
                        .toList();
                if (read.isEmpty()) {
                    return read;   // not created yet: ask again next time
                }
                demoLogins = read;
            } catch (DataAccessException | TransactionException e) {
                return List.of();   // the database is away: the page works without the list
            }
        }
        return demoLogins;
    }

    @GetMapping("/error/403")
    public String forbidden(HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }
}
