package no.siva.programflyt.differentiation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.shared.Formats;

/** The round's steps with their dates and whether each is done, due or late (per county for the county steps). */
final class RoundTimeline {

    enum State {
        DONE, DUE, LATE
    }

    record Row(String step, String county, LocalDate date, State state, Instant doneAt) {}

    private RoundTimeline() {}

    static List<Row> of(DiffRound r, List<DifferentiationService.CountyRow> counties, Labels labels, LocalDate today) {
        Map<String, LocalDate> cal = r.calendar();
        List<Row> rows = new ArrayList<>();
        rows.add(row("informasjonsmote", null, cal.get("informasjonsmote"), r.getInfoMeetingHeldOn() == null ? null
                : r.getInfoMeetingHeldOn().atStartOfDay(Formats.OSLO).toInstant(), today));
        rows.add(row("analyse", null, cal.get("analyse"), r.getAnalysisDoneAt(), today));
        rows.add(row("informasjonsgrunnlag", null, cal.get("informasjonsgrunnlag"), r.getBasisSentAt(), today));
        rows.add(row("orientering", null, cal.get("informasjonsgrunnlag") == null ? null : cal.get("informasjonsgrunnlag").plusDays(1),
                r.getOperatorsBriefedAt(), today));
        for (DifferentiationService.CountyRow c : counties) {
            String name = labels.county(c.countyCode());
            rows.add(row("fylkesmote", name, cal.get("fylkesmote"), c.meetingHeldOn() == null ? null
                    : c.meetingHeldOn().atStartOfDay(Formats.OSLO).toInstant(), today));
        }
        for (DifferentiationService.CountyRow c : counties) {
            rows.add(row("budsjettramme", labels.county(c.countyCode()), cal.get("budsjettramme"), c.frameAt(), today));
        }
        rows.add(row("modellgjennomgang", null, cal.get("modellgjennomgang"), r.getModelReviewedAt(), today));
        for (DifferentiationService.CountyRow c : counties) {
            rows.add(row("plasseringsforslag", labels.county(c.countyCode()), cal.get("plasseringsforslag"),
                    c.proposalSentAt(), today));
        }
        for (DifferentiationService.CountyRow c : counties) {
            rows.add(row("tilbakemelding", labels.county(c.countyCode()), cal.get("tilbakemelding"),
                    c.accepted() ? c.feedbackAt() : null, today));
        }
        rows.add(row("programstyret", null, cal.get("programstyret"), r.getBoardMetOn() == null ? null
                : r.getBoardMetOn().atStartOfDay(Formats.OSLO).toInstant(), today));
        rows.add(row("varsling", null, cal.get("varsling"), r.getNotifiedAt(), today));
        return rows;
    }

    private static Row row(String step, String county, LocalDate date, Instant doneAt, LocalDate today) {
        State s = doneAt != null ? State.DONE : date != null && date.isBefore(today) ? State.LATE : State.DUE;
        return new Row(step, county, date, s, doneAt);
    }
}
