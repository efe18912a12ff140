package no.siva.programflyt.differentiation;

import no.siva.programflyt.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what in the differentiation, in one place: Siva (and administrators) see and do everything, scores
 * included; a county official sees her own county's part with result groups only; operator staff see their own result
 * after the notification. The pages and the services ask here.
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
}
