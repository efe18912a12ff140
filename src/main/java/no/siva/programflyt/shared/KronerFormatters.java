package no.siva.programflyt.shared;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Set;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Parser;
import org.springframework.format.Printer;

/** Binds and shows {@link Kroner} fields; registered with Spring MVC by the web module's configuration. */
public final class KronerFormatters implements AnnotationFormatterFactory<Kroner> {

    @Override
    public Set<Class<?>> getFieldTypes() {
        return Set.of(BigDecimal.class);
    }

    @Override
    public Printer<BigDecimal> getPrinter(Kroner annotation, Class<?> fieldType) {
        return (amount, locale) -> new Formats().input(amount);
    }

    @Override
    public Parser<BigDecimal> getParser(Kroner annotation, Class<?> fieldType) {
        return (text, locale) -> Amounts.parse(text).orElseThrow(() -> new ParseException(text, 0));
    }
}
