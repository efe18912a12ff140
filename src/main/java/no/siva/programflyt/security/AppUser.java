package no.siva.programflyt.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private String username;
    private String fullName;
    private String email;
    private String passwordHash;
    private String roles;
    private Long operatorId;
    private boolean enabled = true;
    /** The external login bound to this person (registration id and SHA-256 of the subject), if any. */
    private String loginProvider;
    private String loginSubjectHash;
    private boolean operatorManager;
    private Instant withdrawnAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_county", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "county_code")
    private Set<String> counties = new HashSet<>();

    protected AppUser() {}

    /** A person granted access in Programflyt (an accepted invitation); she signs in through her bound login only. */
    public static AppUser invited(String username, String fullName, String email) {
        return new AppUser(username, fullName, email, "{bcrypt}!", Set.of(), Set.of(), null);
    }

    public AppUser(String username, String fullName, String email, String passwordHash, Set<Role> roles,
                   Set<String> counties, Long operatorId) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.counties = new HashSet<>(counties);
        this.operatorId = operatorId;
    }

    /** This person's grant as Siva decided it: role, counties, operator (replaces the previous one). */
    public void grant(Set<Role> roles, Set<String> counties, Long operatorId, boolean operatorManager) {
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.counties.clear();
        this.counties.addAll(counties);
        this.operatorId = operatorId;
        this.operatorManager = operatorManager && operatorId != null;
    }

    public void rename(String fullName, String email) {
        this.fullName = fullName;
        this.email = email;
    }

    /** Signs in from now on through this provider's login (and no other). */
    public void bindLogin(String provider, String subjectHash) {
        this.loginProvider = provider;
        this.loginSubjectHash = subjectHash;
        this.enabled = true;
        this.withdrawnAt = null;
    }

    public void suspend() {
        this.enabled = false;
    }

    public void resume() {
        this.enabled = true;
    }

    /**
     * No access any more. The login stays bound to her, so that it is recognised and refused (and not, say, let in
     * again by a directory's claims); only a new invitation, accepted with it, brings her back.
     */
    public void withdraw(Instant at) {
        this.enabled = false;
        this.withdrawnAt = at;
    }

    public String getLoginProvider() {
        return loginProvider;
    }

    public boolean isOperatorManager() {
        return operatorManager;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    /** ACTIVE, SUSPENDED or WITHDRAWN. */
    public String accessState() {
        return withdrawnAt != null ? "WITHDRAWN" : enabled ? "ACTIVE" : "SUSPENDED";
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
        return set;
    }

    public Set<String> getCounties() {
        return counties;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
