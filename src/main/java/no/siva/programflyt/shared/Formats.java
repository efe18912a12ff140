package no.siva.programflyt.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Norwegian presentation of dates and money; exposed to templates as {@code @formats}. */
@Component("formats")
public class Formats {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    public String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    public String date(Instant i) {
        return i == null ? "" : DATE.format(i.atZone(OSLO));
    }

    public String dateTime(Instant i) {
        return i == null ? "" : DATE_TIME.format(i.atZone(OSLO));
    }

    /** "1 250 000 kr" with a non-breaking space as thousands separator, as Norwegian style guides prefer. */
    public String nok(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return number(amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0", amount)
                + "\u00a0kr";
    }

    /** "20 000,00 EUR": GBER amounts, always with øre-style decimals. */
    public String eur(BigDecimal amount) {
        return amount == null ? "" : number("#,##0.00", amount) + "\u00a0EUR";
    }

    /**
     * A decimal number the Norwegian way: "3,68", "1 250", "-2,5" (up to two decimals, no trailing zeros, a minus
     * sign for negatives); empty for null.
     */
    public String decimal(BigDecimal v) {
        if (v == null) {
            return "";
        }
        String s = number("#,##0.##", v.abs());
        return v.signum() < 0 ? "−" + s : s;
    }

    /**
     * A number as a field shows it for editing: every decimal kept, decimal comma, ASCII minus, no grouping
     * ("-150000", "3,6667"), so saving the form again reads back exactly what was stored.
     */
    public String input(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** A decimal with exactly two decimals ("3,68", "3,00"): scores. */
    public String score(BigDecimal v) {
        return v == null ? "" : number("#,##0.00", v);
    }

    /** A change with its sign: "+2,5", "−3", "0". */
    public String signed(BigDecimal v) {
        if (v == null) {
            return "";
        }
        return (v.signum() > 0 ? "+" : "") + decimal(v);
    }

    private static String number(String pattern, BigDecimal amount) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nb-NO"));
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat(pattern, symbols).format(amount);
    }

    /** An Oslo date-time as ISO 8601 with offset, the form FEEL's {@code date and time()} reads in timers. */
    public static String iso(ZonedDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    public static String iso(LocalDate d, int hour, int minute) {
        return iso(d.atTime(hour, minute).atZone(OSLO));
    }
}
