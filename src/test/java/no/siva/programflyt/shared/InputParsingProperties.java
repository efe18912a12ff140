package no.siva.programflyt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import no.siva.programflyt.differentiation.IndicatorImport;
import no.siva.programflyt.overview.OverviewQuery;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Properties of the parsers that take what people and files send: they never throw, refuse what they cannot read,
 * and read back what they write.
 */
class InputParsingProperties {

    @Property
    void csvInputNeverThrows_andKeepsRowNumbersInOrder(@ForAll @Size(max = 2000) byte[] bytes) {
        CsvInput.Result r = CsvInput.read(bytes, 50);
        if (r.ok()) {
            int previous = 1;
            for (CsvInput.Line l : r.lines()) {
                assertThat(l.row()).isGreaterThan(previous);
                previous = l.row();
            }
            assertThat(r.lines()).hasSizeLessThanOrEqualTo(50);
        } else {
            assertThat(r.lines()).isEmpty();
            assertThat(r.errorKey()).startsWith("import.error.");
        }
    }

    @Property
    void csvInputRefusesLatin1TextWithNorwegianLetters(@ForAll("norwegianWords") String word) {
        byte[] latin1 = ("organisasjonsnummer;navn\n923609016;" + word + "\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CsvInput.read(latin1, 10).errorKey()).isEqualTo("import.error.encoding");
        assertThat(CsvInput.read(("organisasjonsnummer;navn\n923609016;" + word + "\n").getBytes(StandardCharsets.UTF_8), 10)
                .lines()).singleElement().satisfies(l -> assertThat(l.cells()[1]).isEqualTo(word));
    }

    @Provide
    Arbitrary<String> norwegianWords() {
        return Arbitraries.strings().withChars("abcæøåÆØÅ").ofMinLength(1).ofMaxLength(20)
                .filter(s -> s.chars().anyMatch(c -> "æøåÆØÅ".indexOf(c) >= 0));
    }

    @Property
    void anIndicatorValueReadsBackWithCommaOrPoint(@ForAll("values") BigDecimal value) {
        String plain = value.toPlainString();
        assertThat(IndicatorImport.parseValue(plain)).isEqualByComparingTo(value);
        assertThat(IndicatorImport.parseValue(plain.replace('.', ','))).isEqualByComparingTo(value);
    }

    @Provide
    Arbitrary<BigDecimal> values() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-999999999999"), new BigDecimal("999999999999")).ofScale(4);
    }

    @Property
    void anIndicatorValueParserNeverThrows(@ForAll String text) {
        BigDecimal v = IndicatorImport.parseValue(text);
        if (v != null) {
            assertThat(v.scale()).isLessThanOrEqualTo(4);
        }
    }

    @Property
    void anOverviewQueryFromAnyParametersIsValid_andReadsBackFromItsQueryString(
                                                                                @ForAll("params") List<String> values) {
        LinkedMultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        String[] keys = {"type", "county", "operator", "year", "stage", "stale", "due", "state", "sort", "dir", "page"};
        for (int i = 0; i < keys.length && i < values.size(); i++) {
            p.add(keys[i], values.get(i));
        }
        OverviewQuery q = OverviewQuery.from(p);
        assertThat(q.page()).isGreaterThanOrEqualTo(0);
        assertThat(List.of("title", "type", "stage", "county", "started", "lastEvent", "nextDue")).contains(q.sort());
        assertThat(List.of("open", "ended", "all")).contains(q.state());
        LinkedMultiValueMap<String, String> back = new LinkedMultiValueMap<>(UriComponentsBuilder
                .fromUriString("/overview?" + q.queryString()).build(true).getQueryParams());
        back.replaceAll((k, v) -> v.stream().map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList());
        assertThat(OverviewQuery.from(back)).isEqualTo(q);
    }

    @Provide
    Arbitrary<List<String>> params() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("ADMISSION", "46", "18", "2026", "-3", "99999999999", "overdue", "soon", "ended", "all",
                        "title", "nextDue", "asc", "desc", "admission.status.PILOT_PROJECT", "<script>", "a&b=c"));
        return value.list().ofMaxSize(11);
    }
}
