package no.siva.programflyt.shared;

import java.sql.Timestamp;
import java.time.Instant;

/** Null-safe conversions between {@link Instant} and the {@link Timestamp} that JDBC binds and reads. */
public final class SqlTimes {

    private SqlTimes() {}

    /** The instant as a parameter, or null. */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The column's instant, or null. */
    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
