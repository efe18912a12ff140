package no.siva.programflyt.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.shared.BusinessRuleException;

/**
 * Any file a user can send as an attachment: accepted only if it is one of the allowed types, by its name and by its
 * first bytes, and not larger than the limit; otherwise refused with one of three Norwegian messages. The stored name
 * never carries a path, a control or format character (such as a right-to-left override) or a line separator: it is
 * shown in pages and goes into the download's Content-Disposition header.
 */
class UploadProperties {

    private static final int LIMIT = 4096;
    private static final Set<String> MESSAGES = Set.of("document.error.empty", "document.error.tooLarge",
            "document.error.type");

    private final DocumentService service = service();

    private static DocumentService service() {
        DocumentRepository repo = mock(DocumentRepository.class);
        when(repo.save(any())).thenAnswer(call -> call.getArgument(0));
        // a fixed day: what is stored does not depend on when the property runs
        return new DocumentService(
                Clock.fixed(Instant.parse("2027-01-02T08:00:00Z"), ZoneId.of("Europe/Oslo")),
                repo, mock(AuditService.class), LIMIT);
    }

    @Property(tries = 500)
    void anyNameAndBytes_areStoredAsAnAllowedType_orRefusedWithAMessage(@ForAll("names") String name,
                                                                        @ForAll("contents") byte[] content) {
        Throwable refused = catchThrowable(() -> {
            Document d = service.upload("ADMISSION", 1, "912345742", name, content, "saksbehandler");
            assertThat(content.length).isBetween(1, LIMIT);
            String ext = d.getFilename().substring(d.getFilename().lastIndexOf('.') + 1).toLowerCase();
            assertThat(DocumentService.ALLOWED).containsKey(ext);
            assertThat(DocumentService.contentMatches(ext, content)).isTrue();
            assertThat(d.getContentType()).isEqualTo(DocumentService.ALLOWED.get(ext));
            assertThat(d.getFilename()).hasSizeLessThanOrEqualTo(200).doesNotContain("/", "\\");
            assertThat(d.getFilename().codePoints().map(Character::getType)).doesNotContain((int) Character.CONTROL,
                    (int) Character.FORMAT, (int) Character.LINE_SEPARATOR, (int) Character.PARAGRAPH_SEPARATOR);
        });
        if (refused != null) {
            assertThat(refused).isInstanceOf(BusinessRuleException.class);
            assertThat(MESSAGES).contains(((BusinessRuleException) refused).messageKey());
        }
    }

    @Property(tries = 50)
    void aFileOverTheLimit_isRefusedAsTooLarge_whateverItIs(@ForAll @IntRange(min = 1, max = 3 * LIMIT) int extra) {
        byte[] big = Arrays.copyOf("%PDF-1.7".getBytes(), LIMIT + extra);
        Throwable refused = catchThrowable(() -> service.upload("ADMISSION", 1, null, "stor.pdf", big, "saksbehandler"));
        assertThat(((BusinessRuleException) refused).messageKey()).isEqualTo("document.error.tooLarge");
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> stem = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of("../../etc/passwd", "C:\\temp\\x", "rapport\r\nSet-Cookie: a=b", "æøå vedlegg", "",
                        "faktura\u202Efdp.exe", "linje\u2028skift", "\u0085neste", "null\u0000tegn",
                        ".", "..", "a".repeat(400)));
        Arbitrary<String> ext = Arbitraries.of("", ".pdf", ".PDF", ".docx", ".xlsx", ".png", ".jpg", ".jpeg", ".exe",
                ".html", ".pdf.exe", ".svg", ".txt");
        return Combinators.combine(stem, ext).as(String::concat).injectNull(0.02);
    }

    @Provide
    Arbitrary<byte[]> contents() {
        Arbitrary<byte[]> prefix = Arbitraries.of(new byte[0], "%PDF".getBytes(), new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, new byte[] {'P', 'K', 3, 4}, "<html>".getBytes(),
                "MZ".getBytes());
        Arbitrary<byte[]> rest = Arbitraries.bytes().array(byte[].class).ofMaxSize(LIMIT + 100);
        return Combinators.combine(prefix, rest).as((p, r) -> {
            byte[] all = Arrays.copyOf(p, p.length + r.length);
            System.arraycopy(r, 0, all, p.length, r.length);
            return all;
        }).injectNull(0.02);
    }
}
