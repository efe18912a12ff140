package no.siva.programflyt.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_county", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "county_code")
    private Set<String> counties = new HashSet<>();

    protected AppUser() {
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
