package no.siva.programflyt.targetcompany;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The operator's request that a target company leaves the programme: why, and from which day. */
record ExitForm(@NotNull ExitReason reason, @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate exitDate) {}
