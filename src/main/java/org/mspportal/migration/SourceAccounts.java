package org.mspportal.migration;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;
import org.mspportal.shared.StoredTime;
import org.mspportal.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Source accounts as stored, with their past usage. */
@Repository
class SourceAccounts {

    private static final String COLUMNS = """
            id, name, cloud_administrator_email, status, hybrid_edition, hybrid_workloads, hybrid_expires_on,
            microsoft_365_expires_on, google_workspace_expires_on, endpoints_expires_on, created_at, version,
            (SELECT COUNT(*) FROM source_usage u WHERE u.source_account_id = source_account.id) AS usage_days""";

    private final JdbcClient jdbc;

    SourceAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(SourceAccount account, List<PastUsage> usage) {
        Licence licence = account.licence();
        Optional<Licence.HybridTenant> hybrid = licence.hybridTenant();
        jdbc.sql("""
                INSERT INTO source_account (id, name, cloud_administrator_email, status, hybrid_edition,
                       hybrid_workloads, hybrid_expires_on, microsoft_365_expires_on, google_workspace_expires_on,
                       endpoints_expires_on, created_at, version)
                VALUES (:id, :name, :email, :status, :edition, :workloads, :hybridExpires, :m365, :workspace,
                       :endpoints, :created, 0)""")
                .param("id", account.id())
                .param("name", account.name())
                .param("email", account.cloudAdministratorEmail())
                .param("status", account.status().name())
                .param("edition", hybrid.map(tenant -> tenant.edition().name()).orElse(null))
                .param("workloads", hybrid.map(tenant -> tenant.workloads().stream().map(Workload::name)
                        .collect(Collectors.joining(","))).orElse(null))
                .param("hybridExpires", hybrid.map(Licence.HybridTenant::expiresOn).orElse(null))
                .param("m365", licence.saas().get(Workload.MICROSOFT_365))
                .param("workspace", licence.saas().get(Workload.GOOGLE_WORKSPACE))
                .param("endpoints", licence.saas().get(Workload.ENDPOINTS))
                .param("created", StoredTime.of(account.createdAt()))
                .update();
        for (PastUsage day : usage) {
            jdbc.sql("""
                    INSERT INTO source_usage (source_account_id, workload, usage_date, credits, stored_bytes)
                    VALUES (:account, :workload, :date, :credits, :bytes)""")
                    .param("account", account.id())
                    .param("workload", day.workload().name())
                    .param("date", day.date())
                    .param("credits", day.credits())
                    .param("bytes", day.storedBytes())
                    .update();
        }
    }

    Optional<SourceAccount> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM source_account WHERE id = :id").param("id", id)
                .query(SourceAccounts::row).optional();
    }

    /** Accounts whose name or cloud administrator's email contains {@code search} (any case), newest first. */
    List<SourceAccount> page(String search, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM source_account WHERE " + MATCHING
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("pattern", pattern(search))
                .param("limit", limit)
                .param("offset", offset)
                .query(SourceAccounts::row).list();
    }

    long count(String search) {
        return jdbc.sql("SELECT COUNT(*) FROM source_account WHERE " + MATCHING)
                .param("pattern", pattern(search)).query(Long.class).single();
    }

    private static final String MATCHING =
            "(LOWER(name) LIKE :pattern ESCAPE '\\' OR LOWER(cloud_administrator_email) LIKE :pattern ESCAPE '\\')";

    /** A LIKE pattern for the text, its own % and _ taken literally; every account without text. */
    private static String pattern(String search) {
        String text = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return LikePattern.containing(text);
    }

    boolean setStatus(UUID id, SourceAccountStatus status, int version) {
        return jdbc.sql("UPDATE source_account SET status = :status, version = version + 1 WHERE id = :id AND version = :version")
                .param("status", status.name())
                .param("id", id)
                .param("version", version)
                .update() == 1;
    }

    List<PastUsage> usageOf(UUID id) {
        return jdbc.sql("""
                SELECT workload, usage_date, credits, stored_bytes FROM source_usage
                 WHERE source_account_id = :id ORDER BY usage_date, workload""")
                .param("id", id)
                .query((rs, n) -> new PastUsage(Workload.valueOf(rs.getString("workload")),
                        rs.getObject("usage_date", LocalDate.class), rs.getObject("credits", BigDecimal.class),
                        rs.getObject("stored_bytes") == null ? null : rs.getLong("stored_bytes")))
                .list();
    }

    private static SourceAccount row(ResultSet rs, int rowNum) throws SQLException {
        return new SourceAccount(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("cloud_administrator_email"), SourceAccountStatus.valueOf(rs.getString("status")),
                licence(rs), rs.getLong("usage_days"), StoredTime.required(rs, "created_at"), rs.getInt("version"));
    }

    /** The licence from a row holding the source account's licence columns, under their own names. */
    static Licence licence(ResultSet rs) throws SQLException {
        Licence.HybridTenant hybrid = null;
        if (rs.getString("hybrid_edition") != null) {
            Set<Workload> workloads = Arrays.stream(rs.getString("hybrid_workloads").split(","))
                    .map(Workload::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Workload.class)));
            hybrid = new Licence.HybridTenant(Edition.valueOf(rs.getString("hybrid_edition")), workloads,
                    rs.getObject("hybrid_expires_on", LocalDate.class));
        }
        Map<Workload, LocalDate> saas = new EnumMap<>(Workload.class);
        putIfPresent(saas, Workload.MICROSOFT_365, rs.getObject("microsoft_365_expires_on", LocalDate.class));
        putIfPresent(saas, Workload.GOOGLE_WORKSPACE, rs.getObject("google_workspace_expires_on", LocalDate.class));
        putIfPresent(saas, Workload.ENDPOINTS, rs.getObject("endpoints_expires_on", LocalDate.class));
        return new Licence(hybrid, saas);
    }

    private static void putIfPresent(Map<Workload, LocalDate> products, Workload product, LocalDate expiresOn) {
        if (expiresOn != null) {
            products.put(product, expiresOn);
        }
    }
}
