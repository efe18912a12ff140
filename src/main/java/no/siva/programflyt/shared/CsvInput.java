package no.siva.programflyt.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an uploaded CSV file as the imports expect it: UTF-8 (a BOM is allowed), a header row, semicolons, at most
 * {@code maxRows} data rows; blank lines are skipped. A file that fails those checks gives one error for the file
 * (message key and arguments), so that nothing of it is imported.
 */
public final class CsvInput {

    /** A data row: its number in the file (the header is row 1) and its cells. */
    public record Line(int row, String[] cells) {}

    /** The rows, or the file's error ({@code errorRow} 0 for the whole file). */
    public record Result(List<Line> lines, int errorRow, String errorKey, Object[] errorArgs, List<String> header) {
        public boolean ok() {
            return errorKey == null;
        }
    }

    private CsvInput() {}

    public static Result read(byte[] bytes, int maxRows) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return error(0, "import.error.encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\\R");
        if (lines.length < 2 || lines[0].isBlank()) {
            return error(0, "import.error.empty");
        }
        if (!lines[0].contains(";")) {
            return error(1, "import.error.separator");
        }
        if (lines.length - 1 > maxRows) {
            return error(0, "import.error.tooMany", maxRows);
        }
        List<Line> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(new Line(i + 1, lines[i].split(";", -1)));
            }
        }
        return new Result(rows, 0, null, new Object[0],
                Arrays.stream(lines[0].split(";", -1)).map(String::trim).toList());
    }

    private static Result error(int row, String key, Object... args) {
        return new Result(List.of(), row, key, args, List.of());
    }
}
