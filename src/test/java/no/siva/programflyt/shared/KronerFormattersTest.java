package no.siva.programflyt.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.format.Parser;
import org.springframework.format.Printer;

/** A kroner field binds amounts as Norwegians type them and shows them back for editing. */
class KronerFormattersTest {

    private final KronerFormatters formatters = new KronerFormatters();
    private final Parser<BigDecimal> parser = formatters.getParser(null, BigDecimal.class);
    private final Printer<BigDecimal> printer = formatters.getPrinter(null, BigDecimal.class);
    private final Locale nb = Locale.forLanguageTag("nb");

    @Test
    void readsAmountsAsTyped() throws ParseException {
        assertThat(parser.parse("1 250 000", nb)).isEqualByComparingTo("1250000");
        assertThat(parser.parse("10\u00a0000 kr", nb)).isEqualByComparingTo("10000");
        assertThat(parser.parse("1250000,50", nb)).isEqualByComparingTo("1250000.50");
    }

    @Test
    void textThatIsNoAmountIsAnErrorAtTheField() {
        assertThatThrownBy(() -> parser.parse("1.250.000", nb)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse("ti tusen", nb)).isInstanceOf(ParseException.class);
    }

    @Test
    void showsAnAmountForEditingSoThatItReadsBackTheSame() throws ParseException {
        BigDecimal amount = new BigDecimal("1250000.50");
        assertThat(printer.print(amount, nb)).isEqualTo("1250000,5");
        assertThat(parser.parse(printer.print(amount, nb), nb)).isEqualByComparingTo(amount);
    }
}
