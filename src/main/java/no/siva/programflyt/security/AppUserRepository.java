package no.siva.programflyt.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, String> {

    @Query("select u from AppUser u join u.counties c where c = ?1 and u.roles like '%FYLKE%' and u.enabled = true")
    List<AppUser> findCountyOfficials(String countyCode);

    /** The enabled users of one operator, by name. */
    @Query("select u from AppUser u where u.operatorId = ?1 and u.enabled = true order by u.fullName")
    List<AppUser> findOperatorStaff(long operatorId);

    List<AppUser> findByEnabledTrueOrderByFullName();

    Optional<AppUser> findByLoginProviderAndLoginSubjectHash(String provider, String subjectHash);

    /** Everyone who has or had access (withdrawn last), by name. */
    @Query("select u from AppUser u order by case when u.withdrawnAt is null then 0 else 1 end, u.fullName")
    List<AppUser> everyone();

    /** The staff of one operator, suspended and withdrawn included, by name. */
    @Query("select u from AppUser u where u.operatorId = ?1 order by case when u.withdrawnAt is null then 0 else 1 end, u.fullName")
    List<AppUser> staffOf(long operatorId);

    /** The e-mail addresses of Siva's project leaders (who are told when a process is overdue). */
    default List<String> projectLeaderEmails() {
        return findByEnabledTrueOrderByFullName().stream().filter(u -> u.getRoles().contains(Role.SIVA_PROSJEKTLEDER))
                .map(AppUser::getEmail).toList();
    }

    /** The e-mail of the Siva case handler with this full name (the registry names an operator's Siva contact so). */
    default Optional<String> caseHandlerEmail(String fullName) {
        return findByEnabledTrueOrderByFullName().stream()
                .filter(u -> u.getRoles().contains(Role.SIVA_SAKSBEHANDLER) && u.getFullName().equals(fullName))
                .map(AppUser::getEmail).findFirst();
    }
}
