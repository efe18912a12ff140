package no.siva.programflyt.access;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.access.AccessAdministration.Grant;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The access module's rules, in one place: who administers access and whom, what a grant may be (a county official's
 * counties, an operator's staff's operator), and how a grant is named in the audit trail and on the pages.
 */
@Component
class AccessRules {

    private final AppUserRepository users;
    private final OperatorRepository operators;
    private final Labels labels;

    AccessRules(AppUserRepository users, OperatorRepository operators, Labels labels) {
        this.users = users;
        this.operators = operators;
        this.labels = labels;
    }

    void mayAdminister(CurrentUser by) {
        if (!by.administersAccess()) {
            throw new AccessDeniedException("no access administration");
        }
    }

    /**
     * Administrators administer everyone; an operator's manager the operator's own staff: people whose only role is
     * the operator's staff, not its (other) managers.
     */
    boolean administers(CurrentUser by, AppUser person) {
        return by.isAdmin() || (by.administersAccess() && by.operatorId().equals(person.getOperatorId())
                && person.getRoles().equals(Set.of(Role.OPERATOR)) && !person.isOperatorManager());
    }

    /** The person, if this user administers her (an operator's manager: the operator's staff); else "not found". */
    AppUser administered(CurrentUser by, String username) {
        mayAdminister(by);
        if (by.username().equals(username)) {
            return users.findById(username).orElseThrow();   // her own page (read); changes refuse oneself
        }
        return users.findById(username).filter(u -> administers(by, u))
                .orElseThrow(() -> new AccessDeniedException("not administered by this user"));
    }

    /** As {@link #administered}, and not the user herself (no one locks herself out). */
    AppUser administeredOther(CurrentUser by, String username) {
        if (by.username().equals(username)) {
            throw new AccessDeniedException("not oneself");
        }
        return administered(by, username);
    }

    Grant checkGrant(Grant grant, Map<String, String> errors) {
        Set<String> counties = new LinkedHashSet<>();
        Long operatorId = null;
        switch (grant.role()) {
            case FYLKE -> {
                for (String c : grant.counties()) {
                    if (labels.counties().containsKey(c)) {
                        counties.add(c);
                    }
                }
                if (counties.isEmpty() || counties.size() != grant.counties().size()) {
                    errors.put("counties", "access.error.counties");
                }
            }
            case OPERATOR -> {
                operatorId = grant.operatorId() == null ? null
                        : operators.findById(grant.operatorId()).map(Operator::getId).orElse(null);
                if (operatorId == null) {
                    errors.put("operatorId", "access.error.operator");
                }
            }
            default -> {}
        }
        return new Grant(grant.role(), Set.copyOf(counties), operatorId,
                grant.role() == Role.OPERATOR && grant.operatorManager());
    }

    Optional<Role> parseRole(String role) {
        try {
            return role == null || role.isBlank() ? Optional.empty() : Optional.of(Role.valueOf(role));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "Vestland, Rogaland" for a county official, the operator's name for its staff, empty for Siva's roles. */
    String scope(Role role, Set<String> counties, Long operatorId) {
        return switch (role) {
            case FYLKE -> String.join(", ", counties.stream().map(labels::county).sorted().toList());
            case OPERATOR -> operatorId == null ? "" : operators.findById(operatorId).map(Operator::getName).orElse("");
            default -> "";
        };
    }

    String describe(Grant g) {
        String role = switch (g.role()) {
            case FYLKE -> "fylkesrådgiver";
            case OPERATOR -> g.operatorManager() ? "leder hos programoperatør" : "ansatt hos programoperatør";
            case SIVA_SAKSBEHANDLER -> "saksbehandler i Siva";
            case SIVA_PROSJEKTLEDER -> "prosjektleder i Siva";
            case ADMIN -> "administrator";
        };
        String scope = scope(g.role(), g.counties(), g.operatorId());
        return scope.isEmpty() ? role : role + " (" + scope + ")";
    }
}
