package no.siva.programflyt.security;

import java.util.Set;

/**
 * Accepting an invitation to Programflyt at the first login through an external provider (the access administration
 * implements it): the invitation's grant is given to the person now signing in, and her login is bound to it.
 */
public interface InvitationAcceptance {

    /**
     * The session attribute holding the invitation a person chose to accept (the hash of its secret, never the secret),
     * set by a POST from the invitation's page just before the login.
     */
    String PENDING = "programflyt.invitation";

    /**
     * @param secretHash    the hash of the invitation link's secret
     * @param provider      the registration the person signed in with (e.g. {@code idporten})
     * @param subjectHash   SHA-256 of the provider's subject for her
     * @param providerRoles the roles an invitation accepted through this provider may grant
     * @return the user name of the person granted access
     * @throws Refused when the invitation cannot be accepted (nothing is granted)
     */
    String accept(String secretHash, String provider, String subjectHash, Set<Role> providerRoles);

    /** Why an invitation was not accepted: {@code unknown}, {@code expired}, {@code used}, {@code revoked}, {@code wrongProvider},
     * {@code alreadyBound} (this login already belongs to a person with access: her access is changed by Siva, not by
     * an invitation). */
    final class Refused extends RuntimeException {
        private final String reason;

        public Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
