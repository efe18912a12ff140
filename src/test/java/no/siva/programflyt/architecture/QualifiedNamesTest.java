package no.siva.programflyt.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One style: a type is named by its import, not by its full name in the middle of the code, so that a file's imports
 * say what it depends on (and Spring Modulith's and ArchUnit's pictures agree with what a reader sees). A full name
 * stays only where Java needs it: in a string, a comment, or where two types share a simple name (then the import
 * takes one and the other is spelled out, which this scan accepts when the simple name is imported for another type). The layout itself is enforced by the build (formatter-maven-plugin, validate).
 */
class QualifiedNamesTest {

    private static final Pattern QUALIFIED = Pattern
            .compile("(?<![\\w.])((?:java|javax|jakarta|org|com|no|io|net)\\.(?:[a-z_][a-z0-9_]*\\.)+)([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import (?!static )([\\w.]+)\\.(\\w+);", Pattern.MULTILINE);
    private static final Pattern STRING_OR_COMMENT = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|//.*$");

    @Test
    void noTypeIsNamedInFullInTheCode() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java", "src/dev/java")) {
            if (!Files.isDirectory(Path.of(root))) {
                continue;
            }
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> found.addAll(inline(p)));
            }
        }
        assertThat(found).as("types named in full where an import would do (file:line: name)").isEmpty();
    }

    /** The scan can fail: a planted full name in code is found, the same name in a string or a comment is not. */
    @Test
    void theScanFindsAPlantedFullName() {
        String planted = """
                package no.siva.programflyt.planted;

                import java.util.List;

                /** Refers to {@link java.util.ArrayList}. */
                class Planted {
                    List<String> a = new java.util.ArrayList<>(); // java.util.LinkedList
                    String b = "java.util.HashMap";
                    java.util.Map<String, String> c;
                    java.awt.List d;
                    /*
                     * java.util.TreeMap
                     */
                }
                """;
        assertThat(inline("Planted.java", planted)).containsExactly("Planted.java:7: java.util.ArrayList",
                "Planted.java:9: java.util.Map");
    }

    private static List<String> inline(Path file) {
        try {
            return inline(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Full names in the code of one file, outside strings, comments, imports and text blocks. */
    static List<String> inline(String name, String source) {
        Map<String, String> imported = new HashMap<>();
        Matcher im = IMPORT.matcher(source);
        while (im.find()) {
            imported.put(im.group(2), im.group(1) + "." + im.group(2));
        }
        List<String> found = new ArrayList<>();
        boolean inComment = false;
        boolean inTextBlock = false;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            int textBlockQuotes = (line.length() - line.replace("\"\"\"", "").length()) / 3;
            if (inTextBlock) {
                inTextBlock = textBlockQuotes % 2 == 0;
                continue;
            }
            if (inComment) {
                inComment = !t.contains("*/");
                continue;
            }
            if (t.startsWith("/*")) {
                inComment = !t.contains("*/");
                continue;
            }
            if (t.startsWith("import ") || t.startsWith("package ") || t.startsWith("//") || t.startsWith("*")) {
                continue;
            }
            String code = line;
            if (textBlockQuotes % 2 == 1) {
                inTextBlock = true;
                code = line.substring(0, line.indexOf("\"\"\""));
            }
            code = STRING_OR_COMMENT.matcher(code).replaceAll("\"\"").replaceAll("/\\*.*?\\*/", "");
            Matcher m = QUALIFIED.matcher(code);
            while (m.find()) {
                String full = m.group(1) + m.group(2);
                if (full.equals(imported.getOrDefault(m.group(2), full))) {   // a second type of that name is spelled out
                    found.add(name + ":" + (i + 1) + ": " + full);
                }
            }
        }
        return found;
    }
}
