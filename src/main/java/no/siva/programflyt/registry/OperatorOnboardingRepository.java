package no.siva.programflyt.registry;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OperatorOnboardingRepository extends JpaRepository<OperatorOnboarding, Long> {}
