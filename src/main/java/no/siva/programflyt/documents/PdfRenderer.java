package no.siva.programflyt.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.shared.Formats;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Letters as PDF: a Norwegian Thymeleaf template (well-formed XHTML) rendered by openhtmltopdf as tagged PDF/UA-1 and
 * PDF/A-2a (produced documents fall under the WCAG duty; veraPDF checks both in the tests). The typeface (Inter, the
 * one Designsystemet uses) and an sRGB output intent are embedded. Every letter gets the same frame: our reference,
 * the date, Siva's contact person (the case's handler when the caller names one with {@code contactUser}) and the
 * signatory (programflyt.letters).
 */
@Component
public class PdfRenderer {

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private final TemplateEngine templates;
    private final LetterProperties letters;
    private final AppUserRepository users;
    private final Clock clock;

    public PdfRenderer(TemplateEngine templates, LetterProperties letters, AppUserRepository users, Clock clock) {
        this.templates = templates;
        this.letters = letters;
        this.users = users;
        this.clock = clock;
    }

    public byte[] render(String template, Map<String, Object> model) {
        Map<String, Object> m = new HashMap<>(model);
        m.putIfAbsent("date", new Formats().date(LocalDate.now(clock)));
        m.put("letter", frame(m.get("contactUser") instanceof String u ? u : null));
        String html = templates.process(template, new Context(NB, m));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A);
            builder.useColorProfile(SRGB);
            font(builder, "Inter_400Regular.ttf", "400Regular", 400, FontStyle.NORMAL);
            font(builder, "Inter_400Regular_Italic.ttf", "400Regular_Italic", 400, FontStyle.ITALIC);
            font(builder, "Inter_700Bold.ttf", "700Bold", 700, FontStyle.NORMAL);
            builder.withProducer("Programflyt");
            builder.withHtmlContent(html, "classpath:/templates/letters/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + template, e);
        }
    }

    /** The letter's frame: contact person (a named case handler, else the programme's mailbox) and signatory. */
    Map<String, Object> frame(String contactUser) {
        Map<String, Object> f = new HashMap<>();
        var handler = contactUser == null ? Optional.<AppUser>empty()
                : users.findById(contactUser);
        f.put("contactName", handler.map(AppUser::getFullName).orElse(letters.contactName()));
        f.put("contactEmail", handler.map(AppUser::getEmail).orElse(letters.contactEmail()));
        f.put("contactPhone", letters.contactPhone());
        f.put("signatoryName", letters.signatoryName());
        f.put("signatoryTitle", letters.signatoryTitle());
        f.put("acceptanceWeeks", letters.acceptanceWeeks());
        return f;
    }

    private static void font(PdfRendererBuilder builder, String file, String dir, int weight, FontStyle style) {
        String path = "/fonts/" + dir + "/" + file;
        builder.useFont(() -> {
            InputStream in = PdfRenderer.class.getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("Font " + path + " is missing: the build copies it from npm (@expo-google-fonts/inter)");
            }
            return in;
        }, "Inter", weight, style, true);
    }
}
