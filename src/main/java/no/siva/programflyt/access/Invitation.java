package no.siva.programflyt.access;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import no.siva.programflyt.security.Role;

/** An invitation to Programflyt: who, with which role and scope, until when; the link's secret only as a hash. */
@Entity
@Table(name = "access_invitation")
class Invitation {

    enum State {
        PENDING, ACCEPTED, EXPIRED, REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String tokenHash;
    private String email;
    private String fullName;
    private String role;
    private String counties;
    private Long operatorId;
    private boolean operatorManager;
    private String invitedBy;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant acceptedAt;
    private String acceptedBy;
    private Instant revokedAt;

    protected Invitation() {}

    Invitation(String tokenHash, String email, String fullName, Role role, Set<String> counties, Long operatorId,
               boolean operatorManager, String invitedBy, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.email = email;
        this.fullName = fullName;
        this.role = role.name();
        this.counties = String.join(",", counties.stream().sorted().toList());
        this.operatorId = operatorId;
        this.operatorManager = operatorManager;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        return now.isBefore(expiresAt) ? State.PENDING : State.EXPIRED;
    }

    void revoke(Instant at) {
        this.revokedAt = at;
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getFullName() {
        return fullName;
    }

    Role getRole() {
        return Role.valueOf(role);
    }

    Set<String> getCounties() {
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(counties.split(",")).filter(c -> !c.isBlank()).forEach(set::add);
        return set;
    }

    Long getOperatorId() {
        return operatorId;
    }

    boolean isOperatorManager() {
        return operatorManager;
    }

    String getInvitedBy() {
        return invitedBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getAcceptedAt() {
        return acceptedAt;
    }
}
