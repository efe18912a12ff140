package no.siva.programflyt.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The server-side validation of Camunda Forms, with the texts users see. */
class FormValidatorTest {

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final String SCHEMA = """
            {"id": "test", "components": [
              {"type": "text", "text": "Intro"},
              {"type": "textfield", "key": "navn", "label": "Navn", "validate": {"required": true, "minLength": 2, "maxLength": 10}},
              {"type": "textfield", "key": "kode", "label": "Kode", "validate": {"pattern": "[A-Z]{3}"}},
              {"type": "textfield", "key": "epost", "label": "E-post", "validate": {"validationType": "email"}},
              {"type": "number", "key": "belop", "label": "Beløp", "validate": {"required": true, "min": 1, "max": 1000000}},
              {"type": "group", "label": "Gruppe", "components": [
                {"type": "radio", "key": "valg", "label": "Valg", "values": [{"label": "Ja", "value": "ja"}, {"label": "Nei", "value": "nei"}], "validate": {"required": true}},
                {"type": "select", "key": "fylke", "label": "Fylke", "values": [{"label": "Vestland", "value": "46"}]}
              ]},
              {"type": "checkbox", "key": "bekreft", "label": "Bekreftet", "validate": {"required": true}},
              {"type": "checklist", "key": "mal", "label": "Mål", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]},
              {"type": "datetime", "subtype": "date", "key": "dato", "dateLabel": "Dato", "validate": {"required": true}},
              {"type": "textarea", "key": "kommentar", "label": "Kommentar"}
            ]}""";

    private final FormValidator validator;
    private final FormDefinition form;

    FormValidatorTest() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        validator = new FormValidator(messages);
        form = new ObjectMapper().readValue(SCHEMA, FormDefinition.class);
    }

    @Test
    void validInputIsTypedAndOnlyDeclaredKeysAreKept() {
        FormSubmission s = validator.validate(form, Map.of("navn", List.of(" Kari "), "kode", List.of("ABC"),
                "epost", List.of("kari@example.no"), "belop", List.of("250 000,50"), "valg", List.of("ja"),
                "fylke", List.of("46"), "bekreft", List.of("true"), "mal", List.of("a", "b"), "dato", List.of("2027-03-01"),
                "hacker", List.of("DROP TABLE")), NB);

        assertThat(s.errors()).isEmpty();
        assertThat(s.values()).doesNotContainKey("hacker").doesNotContainKey("kommentar");
        assertThat(s.values().get("navn")).isEqualTo("Kari");
        assertThat((BigDecimal) s.values().get("belop")).isEqualByComparingTo("250000.50");
        assertThat(s.values().get("bekreft")).isEqualTo(true);
        assertThat(s.values().get("mal")).isEqualTo(List.of("a", "b"));
        assertThat(s.values().get("dato")).isEqualTo("2027-03-01");
    }

    @Test
    void missingRequiredFieldsGetNorwegianMessagesAtTheField() {
        FormSubmission s = validator.validate(form, Map.of("navn", List.of("   ")), NB);

        assertThat(s.errors()).containsOnlyKeys("navn", "belop", "valg", "bekreft", "dato");
        assertThat(s.errors().get("navn")).isEqualTo("Fyll ut «Navn».");
        assertThat(s.errors().get("valg")).isEqualTo("Fyll ut «Valg».");
        assertThat(s.errors().get("bekreft")).isEqualTo("Kryss av for «Bekreftet».");
        assertThat(s.errors().get("dato")).isEqualTo("Fyll ut «Dato».");
    }

    @Test
    void rulesOfTheSchemaAreEnforced() {
        FormSubmission s = validator.validate(form, Map.of("navn", List.of("K"), "kode", List.of("abc"),
                "epost", List.of("ikke-en-adresse"), "belop", List.of("2 000 000"), "valg", List.of("kanskje"),
                "fylke", List.of("99"), "bekreft", List.of("true"), "mal", List.of("c"), "dato", List.of("31.02.2027")), NB);

        assertThat(s.errors()).containsEntry("navn", "«Navn» må ha minst 2 tegn.")
                .containsEntry("kode", "«Kode» har feil format.")
                .containsEntry("epost", "«E-post» må være en gyldig e-postadresse.")
                .containsEntry("belop", "«Beløp» kan ikke være større enn 1000000.")
                .containsEntry("valg", "Velg et av alternativene i «Valg».")
                .containsEntry("fylke", "Velg et av alternativene i «Fylke».")
                .containsEntry("mal", "Velg et av alternativene i «Mål».")
                .containsEntry("dato", "«Dato» må være en gyldig dato.");
    }

    @Test
    void numbersAreCheckedForTypeAndMinimum() {
        assertThat(validator.validate(form, Map.of("belop", List.of("mange")), NB).errors().get("belop"))
                .isEqualTo("«Beløp» må være et tall, for eksempel 250 000 eller 1250,50.");
        assertThat(validator.validate(form, Map.of("belop", List.of("0")), NB).errors().get("belop"))
                .isEqualTo("«Beløp» kan ikke være mindre enn 1.");
        assertThat(validator.validate(form, Map.of("navn", List.of("Kari Nordmann Olsen")), NB).errors().get("navn"))
                .isEqualTo("«Navn» kan ha høyst 10 tegn.");
    }

    /**
     * Issue 23, point 4: the county's granted amount is whole kroner above 0 -- «1200000.5» passed and became
     * «1 200 000,50 kr» in the grant letter, and 0 kr passed. The form itself says so (decimalDigits 0, min 1).
     */
    @Test
    void theCountysGrantIsWholeKronerAboveZero() throws Exception {
        FormDefinition decision = new FormRepository(new ObjectMapper()).find("fylkesvedtak").orElseThrow();
        assertThat(validator.validate(decision, Map.of("vedtak", List.of("godkjent"), "vedtattTilskudd", List.of("1200000.5"),
                "begrunnelse", List.of("Ok")), NB).errors().get("vedtattTilskudd")).contains("må være et helt tall");
        assertThat(validator.validate(decision, Map.of("vedtak", List.of("godkjent"), "vedtattTilskudd", List.of("0"),
                "begrunnelse", List.of("Ok")), NB).errors().get("vedtattTilskudd")).contains("kan ikke være mindre enn 1");
        assertThat(validator.validate(decision, Map.of("vedtak", List.of("godkjent"), "vedtattTilskudd", List.of("1 200 000"),
                "begrunnelse", List.of("Ok")), NB).errors()).isEmpty();
    }

    @Test
    void englishUsersGetEnglishMessages() {
        assertThat(validator.validate(form, Map.of(), Locale.ENGLISH).errors().get("navn")).isEqualTo("Fill in \"Navn\".");
    }

    /** Issue 23, point 5: a list of rows, each field checked at its row; empty rows left out; the row shown kept. */
    @Test
    void aDynamicListChecksEachRowAtItsField_andLeavesEmptyRowsOut() throws Exception {
        FormDefinition owners = new ObjectMapper().readValue("""
                {"id": "eiere", "components": [
                  {"type": "dynamiclist", "path": "eierskap", "label": "Eierandeler", "components": [
                    {"type": "textfield", "key": "eier", "label": "Eier", "validate": {"required": true}},
                    {"type": "number", "key": "kapital", "label": "Kapitalandel (%)", "validate": {"required": true, "min": 0, "max": 100}}
                  ]}
                ]}""", FormDefinition.class);
        FormSubmission s = validator.validate(owners, Map.of(
                "eierskap[0].eier", List.of("Fjordinvest AS"), "eierskap[0].kapital", List.of("30"),
                "eierskap[1].eier", List.of(""), "eierskap[1].kapital", List.of(""),
                "eierskap[2].eier", List.of("Havbruk AS"), "eierskap[2].kapital", List.of("130"),
                "eierskap[3].kapital", List.of("10")), NB);
        assertThat(s.errors()).containsOnlyKeys("eierskap[2].kapital", "eierskap[3].eier");
        assertThat(s.errors().get("eierskap[2].kapital")).isEqualTo("Rad 3: «Kapitalandel (%)» kan ikke være større enn 100.");
        assertThat(s.errors().get("eierskap[3].eier")).isEqualTo("Fyll ut «Eier» i rad 4.");
        assertThat(s.list("eierskap")).hasSize(3);
        assertThat(s.list("eierskap").get(0)).containsEntry("eier", "Fjordinvest AS").containsEntry(FormValidator.ROW, 0);
        assertThat((BigDecimal) s.list("eierskap").get(0).get("kapital")).isEqualByComparingTo("30");
        assertThat(s.rows("eierskap", 1)).isEqualTo(4);
        assertThat(s.rawFirst("eierskap[2].eier")).isEqualTo("Havbruk AS");
        assertThat(owners.inputs()).isEmpty();
        assertThat(owners.lists()).extracting(FormComponent::path).containsExactly("eierskap");
    }

    /** Issue 23, point 3: of the eight criteria's «Vurdering» and «Begrunnelse», a message says which criterion. */
    @Test
    void aMessageAboutOneOfTheEightCriteriaNamesTheCriterion() throws Exception {
        FormDefinition criteria = new ObjectMapper().readValue(new File("forms/forprosjekt-vurdering.form"),
                FormDefinition.class);
        FormSubmission s = validator.validate(criteria, Map.of("kriterium1", List.of("oppfylt")), NB);
        assertThat(s.errors().get("begrunnelse1")).isEqualTo("Fyll ut «Begrunnelse (1. Aksjeselskap med privat aksjemajoritet)».");
        assertThat(s.errors().get("kriterium3")).isEqualTo("Fyll ut «Vurdering (3. Lokal forankring og engasjement)».");
        // a label the form has once stays as it is
        assertThat(s.errors().get("oppsummering")).isEqualTo("Fyll ut «Oppsummering og begrunnelse for konklusjonen».");
    }
}
