package no.siva.programflyt.shared;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV for Excel in Norway: semicolon-separated, UTF-8 with BOM (written by the caller), CRLF lines, and cells a
 * spreadsheet cannot run as formulas.
 */
public final class Csv {

    private Csv() {}

    /** A cell, always in quotes. */
    public static String quoted(String s) {
        return s == null ? "" : "\"" + defused(s).replace("\"", "\"\"") + "\"";
    }

    /** A cell, quoted only where the content needs it. */
    public static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = defused(s);
        return v.contains(";") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** A leading =, +, - or @ would be run as a formula by spreadsheet programs. */
    private static String defused(String s) {
        return s.matches("^[=+\\-@].*") ? "'" + s : s;
    }

    /** The body as a CSV download. */
    public static ResponseEntity<byte[]> download(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
