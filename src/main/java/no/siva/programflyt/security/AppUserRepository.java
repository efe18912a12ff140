package no.siva.programflyt.security;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, String> {

    @Query("select u from AppUser u join u.counties c where c = ?1 and u.roles like '%FYLKE%' and u.enabled = true")
    List<AppUser> findCountyOfficials(String countyCode);

    /** The enabled users of one operator, by name. */
    @Query("select u from AppUser u where u.operatorId = ?1 and u.enabled = true order by u.fullName")
    List<AppUser> findOperatorStaff(long operatorId);

    List<AppUser> findByEnabledTrueOrderByFullName();
}
