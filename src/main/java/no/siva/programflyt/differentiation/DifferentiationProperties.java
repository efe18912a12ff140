package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.differentiation.scoring.Banding;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the guide leaves open about the differentiation round (README, "Gaps"), with defaults from guide §15.3 and
 * DETAIL §5.2 ("primo" = days 1–10, "medio" = 11–20, "ultimo" = 21 to the end of the month).
 *
 * @param evenYears          differentiation years are the even years (2024, 2026, ...); otherwise the odd ones
 * @param calendar           the default date (MM-dd) of each dated step; the project leader sets the round's own dates
 * @param boardAfter         the programme board takes note this long after the counties' feedback deadline (§15.3.9)
 * @param reminderBefore     reminder this long before a step's date
 * @param escalateAfter      escalation to the project leaders this long after a step's date
 * @param negativeAreas      this many criteria with negative development start an extraordinary follow-up (§6.6)
 * @param declineTolerancePercent a change within this share (percent) of the earlier value is no change
 * @param soundnessNegativeYears warning when at least this many of the last three operating results are negative
 * @param soundnessRiskPercent   warning when the bankruptcy prediction is at or above this (percent)
 * @param soundnessMinSolidityPercent warning when the latest solidity is below this (percent)
 * @param soundnessDropPercent   warning when operating revenue or headcount fell by more than this over three years
 * @param weightModel        NH (business gardens) or INK (incubators)
 * @param bandings           per indicator code, four ascending cut points ("0.5,0.8,1.2,1.5"), overriding the defaults
 */
@ConfigurationProperties("programflyt.differentiation")
record DifferentiationProperties(Boolean evenYears, Map<String, String> calendar, Period boardAfter,
                                 Period reminderBefore, Period escalateAfter, Integer negativeAreas,
                                 BigDecimal declineTolerancePercent,
                                 Integer soundnessNegativeYears, BigDecimal soundnessRiskPercent,
                                 BigDecimal soundnessMinSolidityPercent, BigDecimal soundnessDropPercent,
                                 String weightModel, Map<String, String> bandings) {

    /** The dated steps, in calendar order. */
    public static final List<String> STEPS = List.of("informasjonsmote", "analyse", "informasjonsgrunnlag", "fylkesmote",
            "budsjettramme", "modellgjennomgang", "plasseringsforslag", "tilbakemelding", "varsling");

    private static final Map<String, String> DEFAULT_CALENDAR = Map.of(
            "informasjonsmote", "09-05", "analyse", "09-28", "informasjonsgrunnlag", "10-03", "fylkesmote", "10-20",
            "budsjettramme", "11-05", "modellgjennomgang", "11-08", "plasseringsforslag", "11-16",
            "tilbakemelding", "11-25", "varsling", "12-05");

    public DifferentiationProperties {
        evenYears = evenYears == null || evenYears;
        Map<String, String> c = new HashMap<>(DEFAULT_CALENDAR);
        if (calendar != null) {
            c.putAll(calendar);
        }
        calendar = Map.copyOf(c);
        boardAfter = boardAfter == null ? Period.ofWeeks(1) : boardAfter;
        reminderBefore = reminderBefore == null ? Period.ofDays(3) : reminderBefore;
        escalateAfter = escalateAfter == null ? Period.ofDays(1) : escalateAfter;
        negativeAreas = negativeAreas == null ? 2 : negativeAreas;
        soundnessNegativeYears = soundnessNegativeYears == null ? 2 : soundnessNegativeYears;
        soundnessRiskPercent = soundnessRiskPercent == null ? new BigDecimal("10") : soundnessRiskPercent;
        declineTolerancePercent = declineTolerancePercent == null ? new BigDecimal("5") : declineTolerancePercent;
        soundnessMinSolidityPercent = soundnessMinSolidityPercent == null ? new BigDecimal("10") : soundnessMinSolidityPercent;
        soundnessDropPercent = soundnessDropPercent == null ? new BigDecimal("25") : soundnessDropPercent;
        weightModel = weightModel == null ? "NH" : weightModel;
        bandings = bandings == null ? Map.of() : Map.copyOf(bandings);
    }

    public boolean isDifferentiationYear(int year) {
        return (year % 2 == 0) == evenYears;
    }

    /** The default date of a step in a year. */
    public LocalDate defaultDate(String step, int year) {
        String md = calendar.get(step);
        return LocalDate.parse(year + "-" + md);
    }

    public Map<String, Banding> bandingOverrides() {
        Map<String, Banding> m = new HashMap<>();
        bandings.forEach((code, cuts) -> {
            String[] p = cuts.split(",");
            boolean higher = true;
            if (p.length == 5) {
                higher = !"lavere-er-bedre".equals(p[4].trim());
            }
            m.put(code, Banding.of(higher, p[0].trim(), p[1].trim(), p[2].trim(), p[3].trim()));
        });
        return m;
    }
}
