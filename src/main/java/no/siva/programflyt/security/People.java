package no.siva.programflyt.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * People by name, never by user name (pages: {@code ${@people.name(t.assignee)}}): the user's full name; the system
 * user as «Programflyt»; a user name no longer known as itself. Names are looked up once per user name and kept
 * (they change rarely; a renamed user shows the new name after a restart).
 */
@Component("people")
public class People {

    public static final String SYSTEM = "system";

    private final AppUserRepository users;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public People(AppUserRepository users) {
        this.users = users;
    }

    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if (SYSTEM.equals(username)) {
            return "Programflyt";
        }
        return names.computeIfAbsent(username, u -> users.findById(u).map(AppUser::getFullName)
                .filter(n -> n != null && !n.isBlank()).orElse(u));
    }
}
