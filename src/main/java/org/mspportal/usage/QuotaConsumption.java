package org.mspportal.usage;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credits customers consumed inside their quota windows, read from the daily roll-ups: what
 * quota alerts divide by the quota. Read for the system (after a batch is stored), not for a
 * signed-in person, so it takes explicit customer ids and scopes nothing; callers pass ids they
 * got from a {@link UsageIngested} event.
 */
@Service
public class QuotaConsumption {

    /** The windows travel as three arrays joined as a table, as {@link UsageRecords} does with keys. */
    private static final String CONSUMED = """
            SELECT w.customer_id, COALESCE(SUM(d.credits), 0) AS credits
              FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS DATE ARRAY), CAST(? AS DATE ARRAY))
                   AS w (customer_id, first_day, last_day)
              LEFT JOIN usage_daily d
                ON d.customer_id = w.customer_id AND d.usage_date BETWEEN w.first_day AND w.last_day
             GROUP BY w.customer_id""";

    private final JdbcTemplate jdbc;

    QuotaConsumption(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer's quota window, both days included. */
    public record Window(UUID customerId, LocalDate firstDay, LocalDate lastDay) {
    }

    /** The credits consumed by each window's customer from its first to its last day. */
    @Transactional(readOnly = true)
    public Map<UUID, BigDecimal> within(List<Window> windows) {
        Map<UUID, BigDecimal> consumed = new HashMap<>();
        if (windows.isEmpty()) {
            return consumed;
        }
        PreparedStatementCreator statement = connection -> {
            PreparedStatement ps = connection.prepareStatement(CONSUMED);
            ps.setArray(1, connection.createArrayOf("uuid", windows.stream().map(Window::customerId).toArray()));
            ps.setArray(2, connection.createArrayOf("date",
                    windows.stream().map(window -> Date.valueOf(window.firstDay())).toArray()));
            ps.setArray(3, connection.createArrayOf("date",
                    windows.stream().map(window -> Date.valueOf(window.lastDay())).toArray()));
            return ps;
        };
        jdbc.query(statement, rs -> {
            consumed.put(rs.getObject("customer_id", UUID.class), rs.getBigDecimal("credits"));
        });
        return consumed;
    }
}
