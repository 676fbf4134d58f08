package org.mspportal.usage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;
import org.mspportal.shared.StoredTime;
import org.postgresql.PGConnection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.stereotype.Repository;

/**
 * Usage records and their roll-ups as stored, the roll-ups changed in the same transaction. On
 * PostgreSQL a batch whose records are all new is COPYed; one with a key stored before goes in by
 * one statement whose columns travel as arrays (UNNEST) and that tells which keys were stored
 * before (ON CONFLICT DO NOTHING RETURNING), so only those are looked up and locked. H2 looks every
 * key up first and adds the new records with the UNNEST statement.
 *
 * <p>The roll-up upsert is the one statement that differs between the databases: PostgreSQL's
 * {@code INSERT … ON CONFLICT DO UPDATE} is safe against a concurrent insert of the same row,
 * which its {@code MERGE} is not, and takes all the changes as arrays in one statement; H2 knows
 * no {@code ON CONFLICT DO UPDATE}, even in PostgreSQL mode, so it gets the standard {@code MERGE}
 * as a JDBC batch. The tables are the same on both.
 */
@Repository
class UsageRecords {

    private static final String INSERT = """
            INSERT INTO usage_record (provider_id, customer_id, workload, usage_date, stored_bytes, credits, edition,
                                      batch_id, created_at)
            SELECT ?, r.customer_id, r.workload, r.usage_date, r.stored_bytes, r.credits, r.edition, ?, ?
              FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS DATE ARRAY),
                          CAST(? AS BIGINT ARRAY), CAST(? AS NUMERIC(20, 6) ARRAY), CAST(? AS VARCHAR ARRAY))
                   AS r (customer_id, workload, usage_date, stored_bytes, credits, edition)""";
    /**
     * PostgreSQL's way: add what is new and learn which keys were stored already in the same pass
     * over the unique key, instead of looking every key up first. A key another batch is adding
     * at the same moment waits for that batch; once it commits, the key is stored already.
     */
    private static final String INSERT_NEW = INSERT + """

                ON CONFLICT (customer_id, usage_date, workload) DO NOTHING
                RETURNING customer_id, usage_date, workload""";
    private static final String COPY = """
            COPY usage_record (provider_id, customer_id, workload, usage_date, stored_bytes, credits, edition, batch_id,
                               created_at) FROM STDIN""";
    private static final String COPY_NULL = "\\N";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String LOCK_EARLIER = """
            SELECT r.id, r.customer_id, r.usage_date, r.workload, r.credits, r.edition
              FROM usage_record r
              JOIN UNNEST(CAST(? AS UUID ARRAY), CAST(? AS DATE ARRAY), CAST(? AS VARCHAR ARRAY))
                   AS k (customer_id, usage_date, workload)
                ON r.customer_id = k.customer_id AND r.usage_date = k.usage_date AND r.workload = k.workload
             ORDER BY r.customer_id, r.usage_date, r.workload
               FOR UPDATE OF r""";
    private static final String REPLACE = """
            UPDATE usage_record SET stored_bytes = ?, credits = ?, edition = ?, batch_id = ?, created_at = ?
             WHERE id = ?""";

    private static final String PROVIDER_DAY_ON_CONFLICT = """
            INSERT INTO usage_provider_daily (provider_id, usage_date, edition, credits) VALUES (?, ?, ?, ?)
                ON CONFLICT (provider_id, usage_date, edition)
                DO UPDATE SET credits = usage_provider_daily.credits + EXCLUDED.credits""";
    private static final String PROVIDER_DAY_MERGE = """
            MERGE INTO usage_provider_daily t
            USING (VALUES (CAST(? AS UUID), CAST(? AS DATE), CAST(? AS VARCHAR(20)), CAST(? AS NUMERIC(20, 6))))
                  AS s (provider_id, usage_date, edition, credits)
               ON t.provider_id = s.provider_id AND t.usage_date = s.usage_date AND t.edition = s.edition
             WHEN MATCHED THEN UPDATE SET credits = t.credits + s.credits
             WHEN NOT MATCHED THEN INSERT (provider_id, usage_date, edition, credits)
                  VALUES (s.provider_id, s.usage_date, s.edition, s.credits)""";

    private final JdbcTemplate jdbc;
    private final RunningTotals runningTotals;
    private final boolean postgresql;
    private final ArrayColumns columns;

    UsageRecords(JdbcTemplate jdbc, RunningTotals runningTotals) {
        this.jdbc = jdbc;
        this.runningTotals = runningTotals;
        this.postgresql = postgresql(jdbc);
        this.columns = new ArrayColumns(postgresql);
    }

    static boolean postgresql(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
    }

    /** A record stored before under a key of the new batch. */
    private record Earlier(long id, BigDecimal credits, Edition edition) {
    }

    /**
     * Stores the batch: each record replaces one stored earlier for its customer, workload and
     * day, or is added; the roll-ups move by the difference.
     *
     * @throws ConcurrentUsage when another transaction added a record of the same key meanwhile
     */
    IngestionReceipt store(UUID provider, List<UsageRecord> batch, UUID batchId, Instant now) {
        List<UsageRecord> sorted = new ArrayList<>(batch);
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        Predicate<UsageRecord.Key> inserted = postgresql ? insertNew(provider, sorted, batchId, now) : key -> false;
        List<UsageRecord> stored = sorted.stream().filter(record -> !inserted.test(record.key())).toList();
        Map<UsageRecord.Key, Earlier> earlier = stored.isEmpty() ? Map.of() : lockEarlier(stored);
        RollUps rollUps = new RollUps();
        List<UsageRecord> added = new ArrayList<>();
        Map<Long, UsageRecord> replacing = new LinkedHashMap<>();
        BigDecimal credits = Credits.zero();
        for (UsageRecord record : sorted) {
            rollUps.add(record);
            credits = credits.add(record.credits());
            Earlier replaced = earlier.get(record.key());
            if (replaced == null) {
                if (postgresql && !inserted.test(record.key())) {
                    throw new ConcurrentUsage(); // stored a moment ago and gone again: never, as nothing deletes
                }
                added.add(record);
            } else {
                rollUps.subtract(record.customerId(), record.date(), replaced.edition(), record.workload(),
                        replaced.credits());
                replacing.put(replaced.id(), record);
            }
        }
        replace(replacing, batchId, now);
        if (!postgresql) {
            insert(provider, added, batchId, now);
        }
        // First: the customers' totals, whose rows stay locked until the commit, so no other batch
        // changes their months while their running totals are worked out below.
        RunningTotals.LatestMonths latest = runningTotals.addToTotals(provider, rollUps.monthly());
        upsert("usage_daily", "usage_date", provider, rollUps.daily());
        upsertMonths(provider, rollUps.monthly(), latest);
        // Last: every batch of the MSP touches these rows, so they stay locked only until the commit.
        upsertProviderDaily(provider, rollUps.providerDaily());
        return new IngestionReceipt(batch.size(), replacing.size(), credits);
    }

    /**
     * The records already stored under the batch's keys, locked until the batch commits. The keys
     * travel as three arrays joined as a table: one statement for any batch, and on PostgreSQL
     * several times faster than a row-value {@code IN} list of the same keys.
     */
    private Map<UsageRecord.Key, Earlier> lockEarlier(List<UsageRecord> sorted) {
        Map<UsageRecord.Key, Earlier> found = new HashMap<>();
        PreparedStatementCreator statement = connection -> {
            PreparedStatement ps = connection.prepareStatement(LOCK_EARLIER);
            columns.bind(ps, 1, "uuid", sorted, UsageRecord::customerId);
            columns.bind(ps, 2, "date", sorted, UsageRecord::date);
            columns.bind(ps, 3, "varchar", sorted, record -> record.workload().name());
            return ps;
        };
        jdbc.query(statement, rs -> {
            String edition = rs.getString("edition");
            found.put(new UsageRecord.Key(rs.getObject("customer_id", UUID.class),
                            rs.getObject("usage_date", LocalDate.class), Workload.valueOf(rs.getString("workload"))),
                    new Earlier(rs.getLong("id"), rs.getBigDecimal("credits"),
                            edition == null ? null : Edition.valueOf(edition)));
        });
        return found;
    }

    private void replace(Map<Long, UsageRecord> replacing, UUID batchId, Instant now) {
        List<Map.Entry<Long, UsageRecord>> rows = new ArrayList<>(replacing.entrySet());
        jdbc.batchUpdate(REPLACE, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                UsageRecord record = rows.get(i).getValue();
                setNullable(ps, 1, record.storedBytes(), Types.BIGINT);
                ps.setBigDecimal(2, record.credits());
                setNullable(ps, 3, record.edition() == null ? null : record.edition().name(), Types.VARCHAR);
                ps.setObject(4, batchId);
                ps.setObject(5, StoredTime.of(now));
                ps.setLong(6, rows.get(i).getKey());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /**
     * Adds the new records in one statement, their columns as arrays: on PostgreSQL several times
     * faster than a JDBC batch of single-row inserts, each of which the server runs on its own.
     */
    private void insert(UUID provider, List<UsageRecord> added, UUID batchId, Instant now) {
        if (added.isEmpty()) {
            return;
        }
        try {
            jdbc.update(connection -> insertStatement(connection, INSERT, provider, added, batchId, now));
        } catch (DuplicateKeyException concurrentBatch) {
            throw new ConcurrentUsage();
        }
    }

    /**
     * Adds the records whose keys are not stored yet (PostgreSQL); tells which keys it added. A
     * metering feed mostly sends days never sent before, so the whole batch is first COPYed: for
     * 10 000 records the server spends about three quarters of the time of {@code INSERT … ON
     * CONFLICT}'s speculative insertion, and no keys come back to be read. A key stored before (or
     * by a batch committing meanwhile) fails the COPY on the unique key: it is undone to its
     * savepoint and the batch goes in with {@code ON CONFLICT DO NOTHING} instead, so a batch of
     * corrections pays for one COPY stopped at its first stored key.
     */
    private Predicate<UsageRecord.Key> insertNew(UUID provider, List<UsageRecord> sorted, UUID batchId,
            Instant now) {
        if (copied(provider, sorted, batchId, now)) {
            return key -> true;
        }
        return insertNewOnConflict(provider, sorted, batchId, now)::contains;
    }

    /** Whether the records were all new and are now COPYed; nothing is stored when they were not. */
    private boolean copied(UUID provider, List<UsageRecord> sorted, UUID batchId, Instant now) {
        byte[] rows = copyRows(provider, sorted, batchId, now);
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            Savepoint beforeCopy = connection.setSavepoint();
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(COPY, new ByteArrayInputStream(rows));
            } catch (SQLException stored) {
                if (!UNIQUE_VIOLATION.equals(stored.getSQLState())) {
                    throw stored;
                }
                connection.rollback(beforeCopy);
                return false;
            } catch (IOException unreachable) { // the rows are read from memory
                throw new UncheckedIOException(unreachable);
            }
            connection.releaseSavepoint(beforeCopy);
            return true;
        }));
    }

    /** The records as COPY's text rows: ids, names, days and numbers only, so nothing needs escaping. */
    private static byte[] copyRows(UUID provider, List<UsageRecord> records, UUID batchId, Instant now) {
        String prefix = provider + "\t";
        String suffix = "\t" + batchId + "\t" + now.truncatedTo(ChronoUnit.MICROS) + "\n";
        StringBuilder rows = new StringBuilder(records.size() * 160);
        for (UsageRecord record : records) {
            rows.append(prefix).append(record.customerId()).append('\t').append(record.workload().name())
                    .append('\t').append(record.date()).append('\t')
                    .append(record.storedBytes() == null ? COPY_NULL : record.storedBytes().toString()).append('\t')
                    .append(record.credits().toPlainString()).append('\t')
                    .append(record.edition() == null ? COPY_NULL : record.edition().name()).append(suffix);
        }
        return rows.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Adds the records whose keys are not stored yet (PostgreSQL); the keys it added. */
    private Set<UsageRecord.Key> insertNewOnConflict(UUID provider, List<UsageRecord> sorted, UUID batchId,
            Instant now) {
        Set<UsageRecord.Key> added = new HashSet<>();
        jdbc.query(connection -> insertStatement(connection, INSERT_NEW, provider, sorted, batchId, now),
                rs -> {
                    added.add(new UsageRecord.Key(rs.getObject("customer_id", UUID.class),
                            rs.getObject("usage_date", LocalDate.class), Workload.valueOf(rs.getString("workload"))));
                });
        return added;
    }

    private PreparedStatement insertStatement(Connection connection, String sql, UUID provider,
            List<UsageRecord> records, UUID batchId, Instant now) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setObject(1, provider);
        ps.setObject(2, batchId);
        ps.setObject(3, StoredTime.of(now));
        columns.bind(ps, 4, "uuid", records, UsageRecord::customerId);
        columns.bind(ps, 5, "varchar", records, record -> record.workload().name());
        columns.bind(ps, 6, "date", records, UsageRecord::date);
        columns.bind(ps, 7, "bigint", records, UsageRecord::storedBytes);
        columns.bind(ps, 8, "numeric", records, UsageRecord::credits);
        columns.bind(ps, 9, "varchar", records, record -> record.edition() == null ? null : record.edition().name());
        return ps;
    }

    /** The months with their running totals: on PostgreSQL in the same write, on H2 worked out after. */
    private void upsertMonths(UUID provider, Map<RollUps.Period, RollUps.Amount> monthly,
            RunningTotals.LatestMonths latest) {
        if (postgresql) {
            runningTotals.upsertMonthsPostgresql(provider, monthly, latest);
            return;
        }
        upsert("usage_monthly", "usage_month", provider, monthly);
        runningTotals.carryForward(monthly.keySet());
    }

    /** Adds the changes to a roll-up table, creating the rows that do not exist yet. */
    private void upsert(String table, String periodColumn, UUID provider, Map<RollUps.Period, RollUps.Amount> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Map.Entry<RollUps.Period, RollUps.Amount>> rows = new ArrayList<>(changes.entrySet());
        if (postgresql) {
            jdbc.update(connection -> {
                PreparedStatement ps = connection.prepareStatement(onConflictUpsert(table, periodColumn));
                ps.setObject(1, provider);
                columns.bind(ps, 2, "uuid", rows, row -> row.getKey().customerId());
                columns.bind(ps, 3, "date", rows, row -> row.getKey().start());
                columns.bind(ps, 4, "varchar", rows, row -> row.getKey().edition());
                columns.bind(ps, 5, "numeric", rows, row -> row.getValue().hybrid());
                columns.bind(ps, 6, "numeric", rows, row -> row.getValue().saas());
                return ps;
            });
            return;
        }
        jdbc.batchUpdate(mergeUpsert(table, periodColumn), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                RollUps.Period period = rows.get(i).getKey();
                RollUps.Amount amount = rows.get(i).getValue();
                ps.setObject(1, period.customerId());
                ps.setObject(2, period.start());
                ps.setString(3, period.edition());
                ps.setObject(4, provider);
                ps.setBigDecimal(5, amount.hybrid());
                ps.setBigDecimal(6, amount.saas());
                ps.setBigDecimal(7, amount.total());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /**
     * One statement for all the changes, their columns as arrays; UNNEST keeps the arrays' (key)
     * order, so rows are locked in the same order as before.
     */
    private void upsertProviderDaily(UUID provider, Map<RollUps.ProviderDay, BigDecimal> changes) {
        List<Map.Entry<RollUps.ProviderDay, BigDecimal>> rows = new ArrayList<>(changes.entrySet());
        jdbc.batchUpdate(postgresql ? PROVIDER_DAY_ON_CONFLICT : PROVIDER_DAY_MERGE, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                ps.setObject(1, provider);
                ps.setObject(2, rows.get(i).getKey().day());
                ps.setString(3, rows.get(i).getKey().edition());
                ps.setBigDecimal(4, rows.get(i).getValue());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static String onConflictUpsert(String table, String periodColumn) {
        return "INSERT INTO " + table + " (customer_id, " + periodColumn
                + ", edition, provider_id, hybrid_credits, saas_credits, credits)"
                + " SELECT r.customer_id, r.period, r.edition, ?, r.hybrid_credits, r.saas_credits,"
                + " r.hybrid_credits + r.saas_credits"
                + " FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS DATE ARRAY), CAST(? AS VARCHAR ARRAY),"
                + " CAST(? AS NUMERIC(20, 6) ARRAY), CAST(? AS NUMERIC(20, 6) ARRAY))"
                + " AS r (customer_id, period, edition, hybrid_credits, saas_credits)"
                + " ON CONFLICT (customer_id, " + periodColumn + ", edition) DO UPDATE SET"
                + " hybrid_credits = " + table + ".hybrid_credits + EXCLUDED.hybrid_credits,"
                + " saas_credits = " + table + ".saas_credits + EXCLUDED.saas_credits,"
                + " credits = " + table + ".credits + EXCLUDED.credits";
    }

    private static String mergeUpsert(String table, String periodColumn) {
        return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS UUID), CAST(? AS DATE), CAST(? AS VARCHAR(20)),"
                + " CAST(? AS UUID), CAST(? AS NUMERIC(20, 6)), CAST(? AS NUMERIC(20, 6)), CAST(? AS NUMERIC(20, 6))))"
                + " AS s (customer_id, period, edition, provider_id, hybrid_credits, saas_credits, credits)"
                + " ON t.customer_id = s.customer_id AND t." + periodColumn + " = s.period AND t.edition = s.edition"
                + " WHEN MATCHED THEN UPDATE SET hybrid_credits = t.hybrid_credits + s.hybrid_credits,"
                + " saas_credits = t.saas_credits + s.saas_credits, credits = t.credits + s.credits"
                + " WHEN NOT MATCHED THEN INSERT (customer_id, " + periodColumn
                + ", edition, provider_id, hybrid_credits, saas_credits, credits)"
                + " VALUES (s.customer_id, s.period, s.edition, s.provider_id, s.hybrid_credits, s.saas_credits,"
                + " s.credits)";
    }

    private static void setNullable(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else {
            ps.setObject(index, value, sqlType);
        }
    }
}
