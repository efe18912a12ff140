package no.siva.programflyt.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * SQL is written in repositories: a class that talks to the database directly ({@link JdbcClient},
 * {@link JdbcTemplate}, a JDBC {@link Statement}) is a {@code @Repository} named after its table, or the implementation of a Spring Data
 * repository's custom fragment ({@code XImpl} of an interface {@code X}).
 */
class SqlInRepositoriesTest {

    private static final Set<String> SQL = Set.of(JdbcClient.class.getName(), JdbcTemplate.class.getName(),
            NamedParameterJdbcTemplate.class.getName(), PreparedStatement.class.getName(), Statement.class.getName());

    @Test
    void sqlIsInRepositories() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("no.siva.programflyt");
        assertThat(sqlOutsideRepositories(main)).isEmpty();
    }

    @Test
    void aPlantedServiceWithSql_isReported_andARepositoryOrFragmentIsNot() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedService.class, PlantedRows.class,
                PlantedFragment.class, PlantedFragmentImpl.class, PlantedJdbcComponent.class);
        assertThat(sqlOutsideRepositories(planted)).containsExactly("PlantedJdbcComponent", "PlantedService");
    }

    static List<String> sqlOutsideRepositories(JavaClasses classes) {
        return classes.stream().filter(SqlInRepositoriesTest::usesSql)
                .filter(c -> !c.isAnnotatedWith(Repository.class) && !isFragmentImplementation(c))
                .map(c -> c.getEnclosingClass().isPresent() && c.getSimpleName().isEmpty() ? c.getEnclosingClass().get()
                        .getSimpleName() : c.getSimpleName())
                .distinct().sorted().toList();
    }

    private static boolean usesSql(JavaClass c) {
        return c.getDirectDependenciesFromSelf().stream().anyMatch(d -> SQL.contains(d.getTargetClass().getName()));
    }

    private static boolean isFragmentImplementation(JavaClass c) {
        return c.getSimpleName().endsWith("Impl") && c.getRawInterfaces().stream()
                .anyMatch(i -> (i.getSimpleName() + "Impl").equals(c.getSimpleName()));
    }

    // ---- planted -------------------------------------------------------------------------------------------------

    @Service
    static class PlantedService {
        private final JdbcClient jdbc;

        PlantedService(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        int count() {
            return jdbc.sql("select 1").query(Integer.class).single();
        }
    }

    @Repository
    static class PlantedRows {
        private final JdbcClient jdbc;

        PlantedRows(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        int count() {
            return jdbc.sql("select 1").query(Integer.class).single();
        }
    }

    interface PlantedFragment {
        int count();
    }

    static class PlantedFragmentImpl implements PlantedFragment {
        private final JdbcClient jdbc;

        PlantedFragmentImpl(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public int count() {
            return jdbc.sql("select 1").query(Integer.class).single();
        }
    }

    @Component
    static class PlantedJdbcComponent {
        private final DataSource dataSource;

        PlantedJdbcComponent(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        boolean locked() throws SQLException {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(1)");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
