package no.siva.programflyt.differentiation;

import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what in the differentiation, in one place: Siva (and administrators) see and do everything, scores
 * included; the project leaders start rounds by hand and own the method and the grant model; a county official sees
 * her own county's part with result groups only; operator staff see their own result after the notification. The
 * pages and the services ask here.
 */
final class DifferentiationAccess {

    private DifferentiationAccess() {}

    /** Siva's case handlers and project leaders, and administrators: the national scope. */
    static boolean siva(CurrentUser user) {
        return user.hasNationalScope();
    }

    static void requireSiva(CurrentUser user) {
        if (!siva(user)) {
            throw new AccessDeniedException("Siva only");
        }
    }

    /** Siva's project leaders: they start a round by hand and change the method and the grant model. */
    static boolean projectLeader(CurrentUser user) {
        return user.has(Role.SIVA_PROSJEKTLEDER);
    }

    static void requireProjectLeader(CurrentUser user, String what) {
        if (!projectLeader(user)) {
            throw new AccessDeniedException(what);
        }
    }
}
