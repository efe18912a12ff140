package no.siva.programflyt.reporting;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The operators' yearly obligations, programme guide §11.1, with their default deadlines (configurable per code in
 * {@code programflyt.reporting.deadlines}). Dates on weekends stay nominal, as the guide writes them.
 *
 * @param review Siva checks the submission (target figures are then locked; the auditor's confirmation is checked
 *               against the budget; the budget is the basis of the allocation)
 */
public enum Obligation {
    PREVIOUS_YEAR_COMPLETE(MonthDay.of(1, 15), "Ferdigstill all rapportering for forrige år i Flerbedriftsportalen",
            "rapportering-innsending",
            false), TARGET_FIGURES(MonthDay.of(1, 15), "Last opp måltall for året", "maltall", true), REGIONAL_REPORT(MonthDay.of(2, 1),
                    "Send skjema for regionalrapportering til Siva", "rapportering-innsending", false), AUDITOR_CONFIRMATION(
                            MonthDay.of(2, 20), "Last opp revisorbekreftelse på kostnader til gjennomføring og administrasjon",
                            "rapportering-revisor", true), REGISTRATION_Q1(MonthDay.of(2, 28),
                                    "Oppdater nye og avsluttede målbedrifter (februar)", "rapportering-kvartal",
                                    false), REGISTRATION_Q2(MonthDay.of(5, 31), "Oppdater nye og avsluttede målbedrifter (mai)",
                                            "rapportering-kvartal", false), HALF_YEAR_AID(MonthDay.of(6, 30),
                                                    "Halvårsrapporter bruk av innovasjonsstøtte (artikkel 28)", "rapportering-halvar",
                                                    false), REGISTRATION_Q3(MonthDay.of(8, 31),
                                                            "Oppdater nye og avsluttede målbedrifter (august)", "rapportering-kvartal",
                                                            false), REGISTRATION_Q4(MonthDay.of(11, 30),
                                                                    "Oppdater nye og avsluttede målbedrifter (november)",
                                                                    "rapportering-kvartal", false), BUDGET_NEXT_YEAR(MonthDay.of(12, 1),
                                                                            "Last opp budsjett for administrasjons- og gjennomføringskostnader for neste år",
                                                                            "rapportering-budsjett",
                                                                            true), ALL_ACTIVE_REGISTERED(MonthDay.of(12, 31),
                                                                                    "Registrer alle målbedrifter som har vært aktive i året",
                                                                                    "rapportering-innsending", false);

    private final MonthDay defaultDeadline;
    private final String taskName;
    private final String formId;
    private final boolean review;

    Obligation(MonthDay defaultDeadline, String taskName, String formId, boolean review) {
        this.defaultDeadline = defaultDeadline;
        this.taskName = taskName;
        this.formId = formId;
        this.review = review;
    }

    public MonthDay defaultDeadline() {
        return defaultDeadline;
    }

    public String taskName() {
        return taskName;
    }

    public String formId() {
        return formId;
    }

    public boolean review() {
        return review;
    }

    public LocalDate dueIn(int year, MonthDay deadline) {
        return deadline.atYear(year);
    }

    public boolean isRegistration() {
        return name().startsWith("REGISTRATION_");
    }
}
