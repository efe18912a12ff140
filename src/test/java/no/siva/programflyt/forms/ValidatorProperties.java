package no.siva.programflyt.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import no.siva.programflyt.shared.Amounts;
import no.siva.programflyt.shared.OrgNumber;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Properties of every validator and parser of typed input: org numbers (MOD11), amounts, and every field of every
 * form in {@code forms/} with any text typed into it.
 */
class ValidatorProperties {

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};
    private static final FormRepository FORMS = new FormRepository(new ObjectMapper());
    private static final FormValidator VALIDATOR = validator();

    private static FormValidator validator() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);
        return new FormValidator(messages);
    }

    // ---- org numbers ----------------------------------------------------------------------------------------------

    @Property
    void everyEightDigitsHaveExactlyOneCheckDigit_unlessMod11GivesTen(@ForAll @IntRange(min = 0, max = 99_999_999) int body) {
        String eight = String.format("%08d", body);
        long valid = IntStream.rangeClosed(0, 9).filter(d -> OrgNumber.isValid(eight + d)).count();
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eight.charAt(i) - '0') * WEIGHTS[i];
        }
        assertThat(valid).isEqualTo(11 - sum % 11 == 10 ? 0 : 1);
    }

    @Property
    void everySingleMistypedDigitOfAValidNumberIsCaught(@ForAll("validOrgNumbers") String org,
                                                        @ForAll @IntRange(max = 8) int position,
                                                        @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] typed = org.toCharArray();
        typed[position] = (char) ('0' + (typed[position] - '0' + shift) % 10);
        assertThat(OrgNumber.isValid(new String(typed))).isFalse();
    }

    @Property
    void twoNeighbouringDigitsSwapped_isCaughtWhenTheyDiffer(@ForAll("validOrgNumbers") String org,
                                                             @ForAll @IntRange(max = 7) int position) {
        char[] typed = org.toCharArray();
        char a = typed[position];
        typed[position] = typed[position + 1];
        typed[position + 1] = a;
        boolean weightsDiffer = position == 7 || WEIGHTS[position] != WEIGHTS[position + 1];
        if (typed[position] != typed[position + 1] && weightsDiffer) {
            assertThat(OrgNumber.isValid(new String(typed))).isFalse();
        }
    }

    @Property
    void aValidNumberTypedWithSpacesIsValid_andAnyTextNeverThrows(@ForAll("validOrgNumbers") String org,
                                                                  @ForAll String anything) {
        assertThat(OrgNumber.isValid(org.substring(0, 3) + " " + org.substring(3, 6) + " " + org.substring(6))).isTrue();
        OrgNumber.isValid(anything);
    }

    @Provide
    Arbitrary<String> validOrgNumbers() {
        return Arbitraries.integers().between(0, 99_999_999).map(b -> String.format("%08d", b))
                .map(eight -> IntStream.rangeClosed(0, 9).mapToObj(d -> eight + d)
                        .filter(OrgNumber::isValid).findFirst().orElse(null))
                .filter(s -> s != null);
    }

    // ---- amounts ---------------------------------------------------------------------------------------------------

    @Property
    void anAmountTypedTheNorwegianWay_readsBack(@ForAll("amounts") BigDecimal amount, @ForAll("styles") String style) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(NB);
        symbols.setGroupingSeparator(style.charAt(0));
        symbols.setDecimalSeparator(',');
        String typed = new DecimalFormat("#,##0.##", symbols).format(amount) + style.substring(1);
        assertThat(Amounts.parse(typed)).as(typed).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(amount));
    }

    @Property
    void thousandsWithPoints_areRefusedAsAmbiguous(@ForAll @IntRange(min = 1, max = 999) int millions,
                                                   @ForAll @IntRange(max = 999) int thousands) {
        assertThat(Amounts.parse(millions + "." + String.format("%03d", thousands) + ".000")).isEmpty();
    }

    @Property
    void anyTextAsAnAmount_neverThrows(@ForAll String anything) {
        Amounts.parse(anything);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000000")).ofScale(2)
                .map(BigDecimal::stripTrailingZeros).map(b -> b.scale() < 0 ? b.setScale(0) : b);
    }

    @Provide
    Arbitrary<String> styles() {
        // grouping separator, then what follows the number
        return Combinators.combine(Arbitraries.of(' ', '\u00a0', '\u202f'), Arbitraries.of("", " kr", "kr"))
                .as((sep, suffix) -> sep + suffix);
    }

    // ---- every form ------------------------------------------------------------------------------------------------

    @Property(tries = 300)
    void anyTextInAnyFieldOfAnyForm_givesAValidSubmissionOrNorwegianMessagesAtTheFields(
                                                                                        @ForAll("forms") FormDefinition form,
                                                                                        @ForAll("typed") List<String> typed) {
        Map<String, List<String>> input = new HashMap<>();
        List<FormComponent> fields = form.inputs();
        for (int i = 0; i < fields.size(); i++) {
            input.put(fields.get(i).key(), List.of(typed.get(i % typed.size())));
        }
        FormSubmission result = VALIDATOR.validate(form, input, NB);
        assertThat(result.errors().keySet()).allSatisfy(k -> assertThat(fields).anyMatch(f -> f.key().equals(k)));
        assertThat(result.errors().values()).allSatisfy(message -> assertThat(message)
                .isNotBlank().doesNotContain("{0}").doesNotContain("form.error"));
        for (FormComponent f : fields) {
            if (result.values().get(f.key()) instanceof BigDecimal n && f.validate() != null) {
                if (f.validate().min() != null) {
                    assertThat(n).isGreaterThanOrEqualTo(BigDecimal.valueOf(f.validate().min()));
                }
                if (f.validate().max() != null) {
                    assertThat(n).isLessThanOrEqualTo(BigDecimal.valueOf(f.validate().max()));
                }
            }
        }
    }

    @Property(tries = 200)
    void anyDateInADateField_isAccepted_andTextThatIsNoDate_refused(@ForAll("forms") FormDefinition form,
                                                                    @ForAll("dates") LocalDate date,
                                                                    @ForAll @StringLength(max = 12) String text) {
        List<FormComponent> dates = form.inputs().stream()
                .filter(f -> "datetime".equals(f.type()) && "date".equals(f.dateSubtype())).toList();
        Map<String, List<String>> input = new HashMap<>();
        dates.forEach(f -> input.put(f.key(), List.of(date.toString())));
        FormSubmission ok = VALIDATOR.validate(form, input, NB);
        dates.forEach(f -> assertThat(ok.errors()).doesNotContainKey(f.key()));

        boolean isDate;
        try {
            LocalDate.parse(text.trim());
            isDate = true;
        } catch (DateTimeParseException e) {
            isDate = false;
        }
        if (!isDate && !text.trim().isEmpty()) {   // empty after trimming: "required", tested elsewhere
            dates.forEach(f -> input.put(f.key(), List.of(text)));
            FormSubmission refused = VALIDATOR.validate(form, input, NB);
            dates.forEach(f -> assertThat(refused.errors().get(f.key()))
                    .endsWith("må være en gyldig dato."));
        }
    }

    @Provide
    Arbitrary<FormDefinition> forms() {
        assertThat(FORMS.all()).hasSizeGreaterThan(20);
        return Arbitraries.of(List.copyOf(FORMS.all().values()));
    }

    @Provide
    Arbitrary<List<String>> typed() {
        Arbitrary<String> one = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("", " ", "0", "-1", "1 500 000", "1500000,50", "1.500.000", "12,345", "100", "101",
                        "2026-02-30", "2026-12-01", "01.12.2026", "ja", "nei", "true", "<b>x</b>", "x".repeat(5000),
                        "\u0000", "ÆØÅ æøå", "1e9", "NaN"));
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 30).map(d -> LocalDate.of(2010, 1, 1).plusDays(d));
    }
}
