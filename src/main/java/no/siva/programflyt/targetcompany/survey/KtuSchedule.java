package no.siva.programflyt.targetcompany.survey;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * When the customer-satisfaction survey (KTU) reaches a target company, by the programme guide §6.3 table: Siva sends
 * in March, June, September and December; the month of the agreement's start (or end) decides which dispatch, and the
 * operator must have updated the portal by the deadline before it.
 * <pre>
 *   November–January  -> March      (register by 28 February)
 *   February–April    -> June       (register by 31 May)
 *   May–July          -> September  (register by 31 August)
 *   August–October    -> December   (register by 30 November)
 * </pre>
 * Start form 2–4 months after the agreement starts; ongoing form a year after the start form and then yearly until
 * the agreement ends; exit form 2–4 months after it ends. Dates on weekends stay nominal.
 */
public final class KtuSchedule {

    public enum Form {
        START, ONGOING, EXIT
    }

    public record Dispatch(Form form, YearMonth month, LocalDate registerBy) {}

    private KtuSchedule() {}

    /** The dispatch that follows an agreement event (start or end) in this month. */
    public static Dispatch after(Form form, LocalDate event) {
        YearMonth m = YearMonth.from(event);
        YearMonth dispatch = switch (m.getMonth()) {
            case NOVEMBER, DECEMBER -> YearMonth.of(m.getYear() + 1, Month.MARCH);
            case JANUARY -> YearMonth.of(m.getYear(), Month.MARCH);
            case FEBRUARY, MARCH, APRIL -> YearMonth.of(m.getYear(), Month.JUNE);
            case MAY, JUNE, JULY -> YearMonth.of(m.getYear(), Month.SEPTEMBER);
            default -> YearMonth.of(m.getYear(), Month.DECEMBER);
        };
        return new Dispatch(form, dispatch, registrationDeadlineBefore(dispatch));
    }

    /** The quarterly portal deadline before a dispatch month: 28 Feb, 31 May, 31 Aug or 30 Nov. */
    public static LocalDate registrationDeadlineBefore(YearMonth dispatch) {
        return dispatch.minusMonths(1).atEndOfMonth().withDayOfMonth(
                dispatch.getMonth() == Month.MARCH ? 28 : dispatch.minusMonths(1).lengthOfMonth());
    }

    /** The next quarterly registration deadline on or after a date (for admissions and exits to be registered). */
    public static LocalDate nextRegistrationDeadline(LocalDate date) {
        return after(Form.START, date).registerBy();
    }

    /** Every dispatch for an agreement: the start form, yearly ongoing forms while it runs, and the exit form. */
    public static List<Dispatch> forAgreement(LocalDate start, LocalDate end) {
        List<Dispatch> all = new ArrayList<>();
        Dispatch first = after(Form.START, start);
        all.add(first);
        YearMonth endMonth = YearMonth.from(end);
        for (YearMonth m = first.month().plusYears(1); !m.isAfter(endMonth); m = m.plusYears(1)) {
            all.add(new Dispatch(Form.ONGOING, m, registrationDeadlineBefore(m)));
        }
        all.add(after(Form.EXIT, end));
        return all;
    }
}
