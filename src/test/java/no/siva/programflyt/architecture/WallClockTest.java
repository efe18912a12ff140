package no.siva.programflyt.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Time is an input: every "now" and "today" of the application comes from its one {@link Clock} bean
 * ({@code ClockConfiguration}; the engine's clock in the development run and the tests), so that the engine's timers
 * and the application's dates agree and every test can state its date. This fails when a wall-clock read appears in
 * the application's code (ArchUnit, on the compiled classes) or the database's clock in its SQL (a scan of the
 * sources and the migrations after the one that removed the last of them).
 */
class WallClockTest {

    /** The only class that may build the system clock. */
    private static final String CLOCK_CONFIGURATION = "no.siva.programflyt.shared.ClockConfiguration";

    private static final Set<String> TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    /** {@code X.now()} or {@code X.now(ZoneId)} on a java.time type; {@code X.now(Clock)} is how it should be. */
    static final DescribedPredicate<JavaMethodCall> WALL_CLOCK_READ = new DescribedPredicate<>("read the wall clock") {
        @Override
        public boolean test(JavaMethodCall call) {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            List<String> params = call.getTarget().getRawParameterTypes().stream().map(t -> t.getName()).toList();
            if (TIME_TYPES.contains(owner) && name.equals("now")) {
                return !params.equals(List.of(Clock.class.getName()));
            }
            if (owner.equals("java.lang.System") && name.equals("currentTimeMillis")) {
                return true;
            }
            if (owner.equals(Clock.class.getName()) && name.startsWith("system")) {
                return !call.getOriginOwner().getName().equals(CLOCK_CONFIGURATION);
            }
            return owner.equals("java.util.Calendar") && name.equals("getInstance");
        }
    };

    static ArchRule noWallClockReads() {
        return noClasses().should().callMethodWhere(WALL_CLOCK_READ)
                .orShould().callConstructorWhere(new DescribedPredicate<>("create a Date of now") {
                    @Override
                    public boolean test(JavaConstructorCall call) {
                        return call.getTargetOwner().getName().equals("java.util.Date")
                                && call.getTarget().getRawParameterTypes().isEmpty();
                    }
                })
                .because("every \"now\" comes from the application's Clock bean (issue: time is an input)");
    }

    @Test
    void theApplicationReadsTimeOnlyFromItsClock() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("no.siva.programflyt");
        assertThat(main.size()).as("classes of the application").isGreaterThan(150);
        noWallClockReads().check(main);
    }

    /** The rule can fail: a class that reads the wall clock in each way it forbids. */
    @Test
    void aPlantedWallClockReadFailsTheRule() {
        JavaClasses planted = new ClassFileImporter().importClasses(Planted.class);
        var result = noWallClockReads().evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).hasSize(5);
        assertThat(noWallClockReads().evaluate(new ClassFileImporter().importClasses(Allowed.class)).hasViolation())
                .isFalse();
        assertThat(SQL_CLOCK.matcher("update t set at = now() where id = ?").find()).isTrue();
        assertThat(SQL_CLOCK.matcher("where due_date < current_date").find()).isTrue();
        assertThat(SQL_CLOCK.matcher("reviewed_at = clock_timestamp(),").find()).isTrue();
        assertThat(SQL_CLOCK.matcher("where due_date < :today and known_now = ?").find()).isFalse();
        assertThat(SQL_CLOCK.matcher("case \"time\" -> LocalTime.parse(s).toString();").find()).isFalse();
    }

    @SuppressWarnings("unused")
    static class Planted {
        Object[] reads() {
            return new Object[] {Instant.now(), LocalDate.now(ZoneId.of("Europe/Oslo")),
                    System.currentTimeMillis(), Clock.systemUTC(), new Date()};
        }
    }

    @SuppressWarnings("unused")
    static class Allowed {
        Object[] reads(Clock clock) {
            return new Object[] {Instant.now(clock), LocalDate.now(clock), clock.instant(),
                    System.nanoTime()};
        }
    }

    /** {@code now()}, {@code current_date} and friends in SQL: the database's clock, which no test can set. */
    static final Pattern SQL_CLOCK = Pattern.compile("\\b((?i:now|clock_timestamp|statement_timestamp|transaction_timestamp)"
            + "\\s*\\(\\s*\\)|(?i:current_date|current_timestamp|current_time)\\b|(localtimestamp|LOCALTIMESTAMP|localtime|LOCALTIME)\\b)");

    @Test
    void theApplicationsSqlNeverAsksTheDatabaseForTheTime() throws IOException {
        assertThat(sqlClockReads(Path.of("src/main/java"), ".java")).isEmpty();
        // Migrations up to V12 are history (V12 dropped the last defaults of now()); none after it may add one.
        List<String> found = new ArrayList<>();
        for (String hit : sqlClockReads(Path.of("src/main/resources/db/migration"), ".sql")) {
            int version = Integer.parseInt(hit.replaceAll("^.*/V(\\d+)__.*$", "$1"));
            if (version > 12) {
                found.add(hit);
            }
        }
        assertThat(found).isEmpty();
    }

    /** Lines (outside comments) that read the database's clock, as "file:line: text". */
    static List<String> sqlClockReads(Path root, String suffix) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*") || line.startsWith("--")) {
                        continue;
                    }
                    if (SQL_CLOCK.matcher(line).find()) {
                        hits.add(f.toString().replace('\\', '/') + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        return hits;
    }
}
