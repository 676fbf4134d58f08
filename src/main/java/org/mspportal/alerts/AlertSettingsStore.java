package org.mspportal.alerts;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alert settings as stored, one row per MSP that changed the defaults. */
@Repository
class AlertSettingsStore {

    private final JdbcClient jdbc;

    AlertSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AlertSettings of(UUID provider) {
        return jdbc.sql("""
                SELECT warning_percent, critical_percent, exhausted_percent, reminder_days
                  FROM alert_settings WHERE provider_id = :provider""")
                .param("provider", provider)
                .query((rs, row) -> new AlertSettings(rs.getInt("warning_percent"), rs.getInt("critical_percent"),
                        rs.getInt("exhausted_percent"), Arrays.stream(rs.getString("reminder_days").split(","))
                                .map(Integer::valueOf).toList()))
                .optional()
                .orElse(AlertSettings.DEFAULTS);
    }

    /** Saves the settings: inserted for an MSP's first change; otherwise (or when a concurrent first change won) updated. */
    void save(UUID provider, AlertSettings settings, Instant now) {
        String days = String.join(",", settings.reminderDays().stream().map(String::valueOf).toList());
        String[] statements = {"""
                INSERT INTO alert_settings (provider_id, warning_percent, critical_percent, exhausted_percent,
                                            reminder_days, updated_at)
                VALUES (:provider, :warning, :critical, :exhausted, :days, :now) ON CONFLICT DO NOTHING""", """
                UPDATE alert_settings SET warning_percent = :warning, critical_percent = :critical,
                       exhausted_percent = :exhausted, reminder_days = :days, updated_at = :now
                 WHERE provider_id = :provider"""};
        for (String statement : statements) {
            jdbc.sql(statement)
                    .param("warning", settings.warningPercent())
                    .param("critical", settings.criticalPercent())
                    .param("exhausted", settings.exhaustedPercent())
                    .param("days", days)
                    .param("now", StoredTime.of(now))
                    .param("provider", provider)
                    .update();
        }
    }
}
