package no.siva.programflyt.tasks;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SavedTaskFilterRepository extends JpaRepository<SavedTaskFilter, Long> {
    List<SavedTaskFilter> findByUsernameOrderByName(String username);

    Optional<SavedTaskFilter> findByUsernameAndName(String username, String name);
}
