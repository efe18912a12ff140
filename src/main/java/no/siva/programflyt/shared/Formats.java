package no.siva.programflyt.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nb-NO"));
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        DecimalFormat f = new DecimalFormat(amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0", symbols);
        return f.format(amount) + "\u00a0kr";
    }
}
