package no.siva.programflyt.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import no.siva.programflyt.support.ProcessTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After every migration, no column takes the database's clock by default: each point in time is written from the
 * application's clock (V12 removed the defaults), so an insert that forgets its time fails instead of silently
 * taking another clock than the engine's.
 */
class SchemaClockTest extends ProcessTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void noColumnDefaultsToTheDatabasesClock() {
        var defaults = jdbc.sql("""
                select table_name || '.' || column_name || ' = ' || column_default from information_schema.columns
                where table_schema = current_schema() and column_default is not null
                  and table_name <> 'flyway_schema_history'
                  and (column_default ilike '%now()%' or column_default ilike '%current\\_%' escape '\\'
                       or column_default ilike '%localtime%' or column_default ilike '%clock_timestamp%')""")
                .query(String.class).list();
        assertThat(defaults).isEmpty();
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_schema = current_schema()")
                .query(Long.class).single()).isGreaterThan(100);
    }
}
