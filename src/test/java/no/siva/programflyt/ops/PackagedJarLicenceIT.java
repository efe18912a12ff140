package no.siva.programflyt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application (the jar that the container image runs) is licence-clean: Camunda's in-memory engine and
 * the Camunda License 1.0 modules it brings are for development and tests only. Reads the jar that {@code package}
 * built (failsafe runs this after it) and fails on any library that is one of them, or whose own pom names the
 * Camunda License or the Zeebe Community License, and on the development runtime's classes.
 */
class PackagedJarLicenceIT {

    /** What the in-memory engine brings beyond the client (mvn dependency:tree, 8.8.21). */
    static final Set<String> ENGINE_ONLY = Set.of("zeebe-process-test-engine", "zeebe-process-test-api",
            "zeebe-process-test-assertions", "zeebe-process-test-filters", "zeebe-workflow-engine", "zeebe-db",
            "zeebe-logstreams", "zeebe-scheduler", "zeebe-stream-platform", "zeebe-snapshots", "zeebe-util",
            "zeebe-msgpack-core", "zeebe-msgpack-value", "zeebe-protocol-impl", "zeebe-expression-language",
            "zeebe-feel-integration", "zeebe-feel-tagged-parameters", "zeebe-dmn", "zeebe-auth", "camunda-security-core",
            "camunda-security-validation", "camunda-search-domain", "camunda-search-client",
            "camunda-search-client-reader", "camunda-spring-utils");
    private static final Pattern NON_FREE = Pattern.compile("Camunda License|Zeebe Community License");

    @Test
    void thePackagedJarHoldsNoEngineModuleAndNoCamundaLicensedLibrary() throws IOException {
        Path jar = Path.of(System.getProperty("packaged.jar", "target/programflyt-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).exists();
        Findings f = inspect(jar);
        assertThat(f.libraries()).as("libraries in the jar").hasSizeGreaterThan(80)
                .anyMatch(l -> l.startsWith("camunda-client-java-"));
        assertThat(f.offending()).as("engine modules or Camunda-licensed libraries in the packaged jar").isEmpty();
        assertThat(f.devRuntimeClasses()).as("development runtime classes in the packaged jar").isZero();
    }

    /** The check can fail: a jar with the engine's workflow module in it is refused, by name and by licence. */
    @Test
    void aPlantedEngineModuleIsFound(@TempDir Path dir) throws IOException {
        Path engineJar = Path.of(EngineFactory.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path planted = dir.resolve("planted.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(planted))) {
            out.putNextEntry(new ZipEntry("BOOT-INF/lib/renamed-innocent-1.0.jar"));
            out.write(Files.readAllBytes(engineJar));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("BOOT-INF/lib/zeebe-workflow-engine-8.8.21.jar"));
            out.write(emptyJar());
            out.closeEntry();
            out.putNextEntry(new ZipEntry("BOOT-INF/classes/no/siva/devruntime/EngineClock.class"));
            out.closeEntry();
        }
        Findings f = inspect(planted);
        assertThat(f.offending()).containsExactlyInAnyOrder(
                "renamed-innocent-1.0.jar (licence: Zeebe Community License)", "zeebe-workflow-engine-8.8.21.jar");
        assertThat(f.devRuntimeClasses()).isEqualTo(1);
    }

    record Findings(List<String> libraries, List<String> offending, int devRuntimeClasses) {}

    static Findings inspect(Path jar) throws IOException {
        List<String> libraries = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        int dev = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                String name = e.getName();
                if (name.startsWith("BOOT-INF/classes/no/siva/devruntime/")) {
                    dev++;
                }
                if (!name.startsWith("BOOT-INF/lib/") || !name.endsWith(".jar")) {
                    continue;
                }
                String lib = name.substring("BOOT-INF/lib/".length());
                libraries.add(lib);
                String artifact = lib.replaceAll("-\\d.*$", "");
                String licence;
                try (InputStream in = zip.getInputStream(e)) {
                    licence = nonFreeLicence(in);
                }
                if (licence != null) {
                    offending.add(lib + " (licence: " + licence + ")");
                } else if (ENGINE_ONLY.contains(artifact)) {
                    offending.add(lib);
                }
            }
        }
        return new Findings(libraries, offending, dev);
    }

    /** The Camunda or Zeebe licence named in a library's own pom, or null. */
    private static String nonFreeLicence(InputStream library) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(library)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.xml")) {
                    var m = NON_FREE.matcher(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    if (m.find()) {
                        return m.group();
                    }
                }
            }
        }
        return null;
    }

    private static byte[] emptyJar() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
