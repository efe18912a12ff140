package no.siva.programflyt.registry;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CountyRepository extends JpaRepository<County, String> {
    List<County> findAllByOrderByName();
}
