package no.siva.programflyt.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.shared.Formats;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every letter template, rendered as the application renders it, is PDF/A-2a and PDF/UA-1 by veraPDF (issue 23,
 * point 11), and carries our reference, Siva's contact person and the signatory. The grant letter states the terms of
 * acceptance. The date is fixed: 4 December 2026.
 */
class LetterPdfTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), Formats.OSLO);

    record Result(String name, Integer totalGroup, Integer minimumStep, Integer potentialStep, Integer proposedStep,
                  Map<Criterion, Integer> groups, boolean soundnessWarning) {}

    record Model(String label) {
        public BigDecimal amount(Integer step) {
            return step == null ? null : BigDecimal.valueOf(1_000_000L + step * 250_000L);
        }
    }

    record CountyRow(BigDecimal frameNok) {}

    record Trigger(String type, String evidence) {}

    record Measure(String description, String owner, LocalDate dueDate) {}

    static PdfRenderer renderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new PdfRenderer(engine, new LetterProperties("Kari Nordmann", "Programleder", null, null, "73 10 00 00", null),
                null, CLOCK);
    }

    static Map<String, Object> model(String template) {
        Formats f = new Formats();
        Map<Criterion, Integer> groups = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            groups.put(c, 2);
        }
        Map<String, Object> operator = Map.of("name", "Sogn Næringshage AS", "orgNumber", "923609016");
        Map<String, Object> round = new HashMap<>(Map.of("year", 2026, "feedbackDeadline", LocalDate.of(2026, 11, 25),
                "countyMeetingDate", LocalDate.of(2026, 10, 15), "frameDeadline", LocalDate.of(2026, 11, 5)));
        Result result = new Result("Sogn Næringshage AS", 2, 3, 5, 4, groups, true);
        Map<String, Object> m = new HashMap<>();
        m.put("f", f);
        m.put("operator", operator);
        m.put("county", "Vestland");
        m.put("caseRef", "REF-1");
        switch (template) {
            case "tilsagnsbrev" -> {
                m.put("address", "Fjordvegen 1, 6856 Sogndal");
                m.put("grant", f.nok(new BigDecimal("1200000")));
                m.put("period", "01.01.2027–31.12.2031");
                m.put("extension", "31.12.2036");
                m.put("reservations", "Forbehold om Stortingets vedtak.");
            }
            case "differensiering-forslag", "differensiering-grunnlag" -> {
                m.put("r", round);
                m.put("results", List.of(result));
                m.put("criteria", Criterion.values());
                m.put("model", new Model("Modell 2027"));
                m.put("countyRow", new CountyRow(new BigDecimal("5000000")));
                m.put("sum", new BigDecimal("2000000"));
            }
            case "differensiering-varsel" -> {
                m.put("r", round);
                m.put("result", result);
                m.put("criteria", Criterion.values());
                m.put("amount", new BigDecimal("2000000"));
                m.put("reasons", List.of("Høy aktivitet.", "God kundetilfredshet."));
                m.put("reservations", null);
            }
            case "oppfolging-start" -> {
                m.put("triggers", List.of(new Trigger("REPORTING", "To rapporter levert for sent.")));
                m.put("triggerLabels", Map.of("REPORTING", "Rapportering"));
                m.put("started", "01.12.2026");
                m.put("deadline", "01.06.2027");
            }
            case "oppfolging-konklusjon" -> {
                m.put("c", new HashMap<>(Map.of("conclusionJustification", "Tiltakene er avtalt.")));
                m.put("measures", List.of(new Measure("Ny strategi", "Daglig leder", LocalDate.of(2027, 3, 1))));
                m.put("terminate", false);
                m.put("analysisDue", "01.12.2027");
            }
            default -> throw new IllegalArgumentException(template);
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tilsagnsbrev", "differensiering-forslag", "differensiering-grunnlag", "differensiering-varsel",
            "oppfolging-start", "oppfolging-konklusjon"})
    void everyLetterIsPdfAAndPdfUa_withReferenceContactAndSignatory(String template) throws Exception {
        byte[] pdf = renderer().render("letters/" + template, model(template));
        VeraPdf.assertPdfAAndPdfUa(template, pdf);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);   // the order on the page (the tags give assistive technology theirs)
            text = stripper.getText(doc).replaceAll("[\\s\\u00a0\\u202f]+", " ");
            assertThat(doc.getDocumentInformation().getTitle()).isNotBlank();
        }
        assertThat(text).contains("Vår referanse").contains("REF-1").contains("04.12.2026")
                .contains("Næringshageprogrammet").contains("naeringshager@siva.no").contains("Kari Nordmann")
                .contains("Programleder");
        if (template.equals("tilsagnsbrev")) {
            assertThat(text).contains("Vilkår for å ta imot tilsagnet").contains("innen 3 uker fra brevets dato")
                    .contains("1 200 000 kr");
        }
        assertThat(new String(pdf, 0, 8, StandardCharsets.US_ASCII)).startsWith("%PDF-");
    }
}
