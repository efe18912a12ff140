package no.siva.programflyt.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails the build on a text missing in bokmål or English, or used in a template or in code but defined nowhere. */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path JAVA = Path.of("src/main/java");

    @Test
    void bokmaalAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> nb = keys("messages_nb.properties");
        Set<String> en = keys("messages_en.properties");
        assertThat(difference(nb, en)).as("keys only in messages_nb").isEmpty();
        assertThat(difference(en, nb)).as("keys only in messages_en").isEmpty();
        assertThat(nb).hasSizeGreaterThan(100);
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        Set<String> defined = keys("messages_nb.properties");
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(difference(used, defined)).as("keys used in templates but not defined").isEmpty();
    }

    @Test
    void everyMessageKeyNamedInCodeExists() throws IOException {
        Set<String> defined = keys("messages_nb.properties");
        Set<String> used = new TreeSet<>();
        // message keys passed to BusinessRuleException, flash attributes and MessageSource lookups
        Pattern key = Pattern.compile("\"((?:task|form|incident|admission|operator|validation)\\.[A-Za-z.]*[A-Za-z])\"");
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).contains("task.error.alreadyCompleted", "incident.retried", "validation.amount");
        assertThat(difference(used, defined)).as("keys named in code but not defined").isEmpty();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(RESOURCES.resolve(file)), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
