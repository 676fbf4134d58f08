package org.mspportal.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Instants as the database stores them: {@code TIMESTAMP WITH TIME ZONE} in UTC, read back the
 * same way on H2 and PostgreSQL.
 */
public final class StoredTime {

    private StoredTime() {
    }

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Optional<Instant> read(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    public static Instant required(ResultSet rs, String column) throws SQLException {
        return read(rs, column).orElseThrow(() -> new SQLException(column + " is null"));
    }
}
