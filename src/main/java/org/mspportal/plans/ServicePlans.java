package org.mspportal.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Service plans as stored. Customer counts are not stored here; the façade adds them. */
@Repository
class ServicePlans {

    private static final String SELECT = """
            SELECT id, provider_id, name, edition, usage_report_frequency, workloads, archived_at, created_at, version
              FROM service_plan""";

    private final JdbcClient jdbc;

    ServicePlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A plan as stored, with the MSP it belongs to. */
    record Stored(UUID id, UUID providerId, String name, Edition edition, UsageReportFrequency frequency,
            Set<Workload> workloads, Optional<Instant> archivedAt, Instant createdAt, int version) {

        ServicePlan withCustomers(long customers) {
            return new ServicePlan(id, name, edition, frequency, workloads, archivedAt.isPresent(), version,
                    createdAt, customers);
        }
    }

    void add(Stored plan) {
        jdbc.sql("""
                INSERT INTO service_plan (id, provider_id, name, name_key, edition, usage_report_frequency, workloads,
                                          created_at, version)
                VALUES (:id, :provider, :name, :nameKey, :edition, :frequency, :workloads, :created, 0)""")
                .param("id", plan.id())
                .param("provider", plan.providerId())
                .param("name", plan.name())
                .param("nameKey", nameKey(plan.name()))
                .param("edition", plan.edition().name())
                .param("frequency", plan.frequency().name())
                .param("workloads", stored(plan.workloads()))
                .param("created", StoredTime.of(plan.createdAt()))
                .update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ServicePlans::row).optional();
    }

    /** The MSP's plans by name; archived ones only when asked for. */
    List<Stored> ofProvider(UUID providerId, boolean includeArchived) {
        return jdbc.sql(SELECT + " WHERE provider_id = :provider"
                        + (includeArchived ? "" : " AND archived_at IS NULL") + " ORDER BY name_key, id")
                .param("provider", providerId)
                .query(ServicePlans::row)
                .list();
    }

    boolean nameTaken(UUID providerId, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM service_plan WHERE provider_id = :provider AND name_key = :nameKey")
                .param("provider", providerId)
                .param("nameKey", nameKey(name))
                .query(Long.class)
                .single() > 0;
    }

    /** Changes the editable fields if the plan is still at {@code version}; false if it is not. */
    boolean update(UUID id, int version, Edition edition, UsageReportFrequency frequency, Set<Workload> workloads) {
        return jdbc.sql("""
                UPDATE service_plan SET edition = :edition, usage_report_frequency = :frequency,
                       workloads = :workloads, version = version + 1
                 WHERE id = :id AND version = :version""")
                .param("id", id)
                .param("version", version)
                .param("edition", edition.name())
                .param("frequency", frequency.name())
                .param("workloads", stored(workloads))
                .update() == 1;
    }

    void archive(UUID id, Optional<Instant> archivedAt) {
        jdbc.sql("UPDATE service_plan SET archived_at = :archived, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("archived", StoredTime.of(archivedAt.orElse(null)))
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM service_plan WHERE id = :id").param("id", id).update();
    }

    /** Names compare case-insensitively in every language, so the key is the name lower-cased without locale. */
    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String stored(Set<Workload> workloads) {
        return workloads.stream().sorted().map(Workload::name).collect(Collectors.joining(","));
    }

    private static Set<Workload> workloads(String stored) {
        Set<Workload> workloads = EnumSet.noneOf(Workload.class);
        Arrays.stream(stored.split(",")).filter(name -> !name.isBlank()).map(Workload::valueOf).forEach(workloads::add);
        return workloads;
    }

    private static Stored row(ResultSet rs, int rowNum) throws SQLException {
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getObject("provider_id", UUID.class),
                rs.getString("name"),
                Edition.valueOf(rs.getString("edition")),
                UsageReportFrequency.valueOf(rs.getString("usage_report_frequency")),
                workloads(rs.getString("workloads")),
                StoredTime.read(rs, "archived_at"),
                StoredTime.required(rs, "created_at"),
                rs.getInt("version"));
    }
}
