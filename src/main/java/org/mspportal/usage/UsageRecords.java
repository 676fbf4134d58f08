package org.mspportal.usage;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;
import org.mspportal.shared.StoredTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.stereotype.Repository;

/**
 * Usage records and their roll-ups as stored. A batch is written with JDBC batches (one round
 * trip per statement kind, not per record), and the roll-ups change in the same transaction.
 *
 * <p>The roll-up upsert is the one statement that differs between the databases: PostgreSQL's
 * {@code INSERT … ON CONFLICT DO UPDATE} is safe against a concurrent insert of the same row,
 * which its {@code MERGE} is not; H2 knows no {@code ON CONFLICT DO UPDATE}, even in PostgreSQL
 * mode, so it gets the standard {@code MERGE}. The tables are the same on both.
 */
@Repository
class UsageRecords {

    private static final String INSERT = """
            INSERT INTO usage_record (provider_id, customer_id, workload, usage_date, stored_bytes, credits, edition,
                                      batch_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
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

    private final JdbcTemplate jdbc;
    private final boolean postgresql;

    UsageRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgresql = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
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
        Map<UsageRecord.Key, Earlier> earlier = lockEarlier(sorted);
        RollUps rollUps = new RollUps();
        List<UsageRecord> added = new ArrayList<>();
        Map<Long, UsageRecord> replacing = new LinkedHashMap<>();
        BigDecimal credits = Credits.zero();
        for (UsageRecord record : sorted) {
            rollUps.add(record);
            credits = credits.add(record.credits());
            Earlier replaced = earlier.get(record.key());
            if (replaced == null) {
                added.add(record);
            } else {
                rollUps.subtract(record.customerId(), record.date(), replaced.edition(), record.workload(),
                        replaced.credits());
                replacing.put(replaced.id(), record);
            }
        }
        replace(replacing, batchId, now);
        insert(provider, added, batchId, now);
        upsert("usage_daily", "usage_date", provider, rollUps.daily());
        upsert("usage_monthly", "usage_month", provider, rollUps.monthly());
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
            ps.setArray(1, connection.createArrayOf("uuid",
                    sorted.stream().map(UsageRecord::customerId).toArray()));
            ps.setArray(2, connection.createArrayOf("date",
                    sorted.stream().map(record -> Date.valueOf(record.date())).toArray()));
            ps.setArray(3, connection.createArrayOf("varchar",
                    sorted.stream().map(record -> record.workload().name()).toArray()));
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

    private void insert(UUID provider, List<UsageRecord> added, UUID batchId, Instant now) {
        try {
            jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    UsageRecord record = added.get(i);
                    ps.setObject(1, provider);
                    ps.setObject(2, record.customerId());
                    ps.setString(3, record.workload().name());
                    ps.setObject(4, record.date());
                    setNullable(ps, 5, record.storedBytes(), Types.BIGINT);
                    ps.setBigDecimal(6, record.credits());
                    setNullable(ps, 7, record.edition() == null ? null : record.edition().name(), Types.VARCHAR);
                    ps.setObject(8, batchId);
                    ps.setObject(9, StoredTime.of(now));
                }

                @Override
                public int getBatchSize() {
                    return added.size();
                }
            });
        } catch (DuplicateKeyException concurrentBatch) {
            throw new ConcurrentUsage();
        }
    }

    /** Adds the changes to a roll-up table, creating the rows that do not exist yet. */
    private void upsert(String table, String periodColumn, UUID provider, Map<RollUps.Period, RollUps.Amount> changes) {
        List<Map.Entry<RollUps.Period, RollUps.Amount>> rows = new ArrayList<>(changes.entrySet());
        jdbc.batchUpdate(postgresql ? onConflictUpsert(table, periodColumn) : mergeUpsert(table, periodColumn),
                new BatchPreparedStatementSetter() {
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

    private static String onConflictUpsert(String table, String periodColumn) {
        return "INSERT INTO " + table + " (customer_id, " + periodColumn
                + ", edition, provider_id, hybrid_credits, saas_credits, credits) VALUES (?, ?, ?, ?, ?, ?, ?)"
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
