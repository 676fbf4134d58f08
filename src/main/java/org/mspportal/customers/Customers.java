package org.mspportal.customers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.mspportal.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers as stored, each with the MSP it belongs to, and the history of their plans. */
@Repository
class Customers {

    private static final String COLUMNS = """
            id, provider_id, account_name, organization_name, address, phone_number, service_plan_id, tenant_type,
            evaluation_starts_on, evaluation_ends_on, storage_region, credit_quota, quota_effective_date,
            quota_end_date, licence_expiry_date, status, created_at, version""";

    private final JdbcClient jdbc;

    Customers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer as stored: its values already checked by the rules they are made of. */
    record Stored(UUID id, UUID providerId, AccountName name, String organizationName, String address,
            String phoneNumber, UUID planId, Tenancy tenancy, String storageRegion, CreditQuota quota,
            LicenceExpiry licenceExpiry, CustomerStatus status, Instant createdAt, int version) {

        Customer shown() {
            return new Customer(id, name.value(), organizationName, address, phoneNumber, planId, tenancy.type(),
                    tenancy.evaluationStartsOn(), tenancy.evaluationEndsOn(), storageRegion, quota.credits(),
                    quota.effectiveOn(), quota.endsOn(), licenceExpiry.date(), status, createdAt, version);
        }

        Stored withStatus(CustomerStatus newStatus) {
            return new Stored(id, providerId, name, organizationName, address, phoneNumber, planId, tenancy,
                    storageRegion, quota, licenceExpiry, newStatus, createdAt, version);
        }

        Stored withTenancy(Tenancy newTenancy) {
            return new Stored(id, providerId, name, organizationName, address, phoneNumber, planId, newTenancy,
                    storageRegion, quota, licenceExpiry, status, createdAt, version);
        }

        Stored withPlan(UUID newPlan) {
            return new Stored(id, providerId, name, organizationName, address, phoneNumber, newPlan, tenancy,
                    storageRegion, quota, licenceExpiry, status, createdAt, version);
        }
    }

    /** One move between plans. */
    record PlanChange(UUID fromPlanId, UUID toPlanId, Instant changedAt, String changedBy) {
    }

    void add(Stored customer) {
        bind(jdbc.sql("""
                INSERT INTO customer (id, provider_id, account_name, name_key, organization_name, address, phone_number,
                       service_plan_id, tenant_type, evaluation_starts_on, evaluation_ends_on, storage_region,
                       credit_quota, quota_effective_date, quota_end_date, licence_expiry_date, status, created_at,
                       version, sandbox_of)
                VALUES (:id, :provider, :name, :nameKey, :organization, :address, :phone, :plan, :tenantType,
                       :evaluationStarts, :evaluationEnds, :region, :credits, :quotaEffective, :quotaEnd, :licenceExpiry,
                       :status, :created, 0, :sandboxOf)"""), customer)
                .param("provider", customer.providerId())
                // Set only on the sandbox, in a unique column: the database's guarantee of one per MSP.
                .param("sandboxOf", customer.tenancy().type() == TenantType.SANDBOX ? customer.providerId() : null)
                .param("created", StoredTime.of(customer.createdAt()))
                .update();
    }

    /** Names the migration that moves the customer, so refusals can say which. */
    void markMigrating(UUID id, String migrationReference) {
        jdbc.sql("UPDATE customer SET migration_reference = :reference WHERE id = :id")
                .param("reference", migrationReference)
                .param("id", id)
                .update();
    }

    Optional<String> migrationReference(UUID id) {
        return jdbc.sql("SELECT migration_reference FROM customer WHERE id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString("migration_reference"))).optional()
                .flatMap(reference -> reference);
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE id = :id").param("id", id)
                .query(Customers::row).optional();
    }

    /** Whether another of the MSP's customers has this name, in any case or spacing. */
    boolean nameTaken(UUID providerId, AccountName name, Optional<UUID> except) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE provider_id = :provider AND name_key = :nameKey"
                        + " AND id <> :except")
                .param("provider", providerId)
                .param("nameKey", name.key())
                .param("except", except.orElse(new UUID(0, 0)))
                .query(Long.class).single() > 0;
    }

    /** Writes every changeable column if the customer is still at {@code after.version()}; false if it is not. */
    boolean update(Stored after) {
        return bind(jdbc.sql("""
                UPDATE customer SET account_name = :name, name_key = :nameKey, organization_name = :organization,
                       address = :address, phone_number = :phone, service_plan_id = :plan, tenant_type = :tenantType,
                       evaluation_starts_on = :evaluationStarts, evaluation_ends_on = :evaluationEnds,
                       storage_region = :region, credit_quota = :credits, quota_effective_date = :quotaEffective,
                       quota_end_date = :quotaEnd, licence_expiry_date = :licenceExpiry, status = :status,
                       version = version + 1
                 WHERE id = :id AND version = :version"""), after)
                .param("version", after.version())
                .update() == 1;
    }

    void recordPlanChange(UUID customerId, PlanChange change) {
        jdbc.sql("""
                INSERT INTO customer_plan_change (customer_id, from_plan_id, to_plan_id, changed_at, changed_by)
                VALUES (:customer, :from, :to, :at, :by)""")
                .param("customer", customerId)
                .param("from", change.fromPlanId())
                .param("to", change.toPlanId())
                .param("at", StoredTime.of(change.changedAt()))
                .param("by", change.changedBy())
                .update();
    }

    List<PlanChange> planHistory(UUID customerId) {
        return jdbc.sql("""
                SELECT from_plan_id, to_plan_id, changed_at, changed_by FROM customer_plan_change
                 WHERE customer_id = :customer ORDER BY id""")
                .param("customer", customerId)
                .query((rs, n) -> new PlanChange(rs.getObject("from_plan_id", UUID.class),
                        rs.getObject("to_plan_id", UUID.class), StoredTime.required(rs, "changed_at"),
                        rs.getString("changed_by")))
                .list();
    }

    /** Customers per plan; the sandbox without a plan counts for none. */
    Map<UUID, Long> countPerPlan(UUID providerId) {
        return countPer("service_plan_id", UUID.class, providerId);
    }

    /** Customers per storage region id, for the regions that have any. */
    Map<String, Long> countPerRegion(UUID providerId) {
        return countPer("storage_region", String.class, providerId);
    }

    /** The MSP's customers counted by one of their columns (a fixed name, never input); NULL is no group. */
    private <K> Map<K, Long> countPer(String column, Class<K> type, UUID providerId) {
        Map<K, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + " AS grouped_by, COUNT(*) AS customers FROM customer"
                        + " WHERE provider_id = :provider AND " + column + " IS NOT NULL GROUP BY " + column)
                .param("provider", providerId)
                .query(rs -> {
                    counts.put(rs.getObject("grouped_by", type), rs.getLong("customers"));
                });
        return counts;
    }

    /**
     * One page of the MSP's customers matching the query, and how many match in all.
     *
     * @param assignedTo only customers assigned to this tenant administrator's account, when present
     */
    Found search(UUID providerId, Optional<UUID> assignedTo, CustomerQuery query, Optional<Set<UUID>> plans,
            LocalDate today, long offset, int limit) {
        Filter filter = new Filter(providerId, assignedTo, query, plans, today);
        long total = filter.bindTo(jdbc.sql("SELECT COUNT(*) FROM customer WHERE " + filter.where()))
                .query(Long.class).single();
        List<Stored> page = filter.bindTo(jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE " + filter.where()
                        + " ORDER BY " + order(query.sort()) + " LIMIT :limit OFFSET :offset"))
                .param("limit", limit)
                .param("offset", offset)
                .query(Customers::row).list();
        return new Found(page, total);
    }

    record Found(List<Stored> page, long total) {
    }

    /** The WHERE clause of a query, built from fixed fragments; values only ever travel as parameters. */
    private static final class Filter {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        Filter(UUID providerId, Optional<UUID> assignedTo, CustomerQuery query, Optional<Set<UUID>> plans,
                LocalDate today) {
            add("provider_id = :provider", "provider", providerId);
            assignedTo.ifPresent(account -> add(
                    "id IN (SELECT customer_id FROM customer_administrator WHERE account_id = :account)",
                    "account", account));
            if (query.text() != null && !query.text().isBlank()) {
                conditions.add("(name_key LIKE :text ESCAPE '\\' OR LOWER(organization_name) LIKE :text ESCAPE '\\')");
                params.put("text", LikePattern.containing(folded(query.text())));
            }
            if (query.servicePlanId() != null) {
                add("service_plan_id = :plan", "plan", query.servicePlanId());
            }
            plans.ifPresent(ids -> {
                if (ids.isEmpty()) {
                    conditions.add("1 = 0"); // no plan of the edition, and SQL has no empty IN list
                } else {
                    add("service_plan_id IN (:plans)", "plans", List.copyOf(ids));
                }
            });
            if (query.tenantType() != null) {
                add("tenant_type = :tenantType", "tenantType", query.tenantType().name());
            }
            if (query.storageRegion() != null && !query.storageRegion().isBlank()) {
                add("storage_region = :region", "region", query.storageRegion().strip().toLowerCase(Locale.ROOT));
            }
            if (query.status() != null) {
                add("status = :status", "status", query.status().name());
            }
            if (query.expiringWithinDays() != null) {
                // LicenceExpiry.expiresWithin: still running today, expired by today + N.
                conditions.add("licence_expiry_date > :today AND licence_expiry_date <= :expiringBy");
                params.put("today", today);
                params.put("expiringBy", today.plusDays(Math.max(0, query.expiringWithinDays())));
            }
        }

        private void add(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
        }

        String where() {
            return String.join(" AND ", conditions);
        }

        JdbcClient.StatementSpec bindTo(JdbcClient.StatementSpec statement) {
            params.forEach(statement::param);
            return statement;
        }
    }

    /** Folded like AccountName.key(), so a search matches names however they were typed. */
    private static String folded(String text) {
        String normal = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(normal.replaceAll("[\\s\\p{Z}]+", " "), Normalizer.Form.NFC);
    }


    private static String order(CustomerQuery.Sort sort) {
        CustomerQuery.Sort chosen = sort == null ? CustomerQuery.Sort.NAME : sort;
        switch (chosen) {
            case NAME_DESCENDING:
                return "name_key DESC, id DESC";
            case LICENCE_EXPIRY:
                return "licence_expiry_date, name_key, id";
            case NEWEST:
                return "created_at DESC, id DESC";
            default:
                return "name_key, id";
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Stored customer) {
        return statement
                .param("id", customer.id())
                .param("name", customer.name().value())
                .param("nameKey", customer.name().key())
                .param("organization", customer.organizationName())
                .param("address", customer.address())
                .param("phone", customer.phoneNumber())
                .param("plan", customer.planId())
                .param("tenantType", customer.tenancy().type().name())
                .param("evaluationStarts", customer.tenancy().evaluationStartsOn())
                .param("evaluationEnds", customer.tenancy().evaluationEndsOn())
                .param("region", customer.storageRegion())
                .param("credits", customer.quota().credits())
                .param("quotaEffective", customer.quota().effectiveOn())
                .param("quotaEnd", customer.quota().endsOn())
                .param("licenceExpiry", customer.licenceExpiry().date())
                .param("status", customer.status().name());
    }

    private static Stored row(ResultSet rs, int rowNum) throws SQLException {
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getObject("provider_id", UUID.class),
                new AccountName(rs.getString("account_name")),
                rs.getString("organization_name"),
                rs.getString("address"),
                rs.getString("phone_number"),
                rs.getObject("service_plan_id", UUID.class),
                new Tenancy(TenantType.valueOf(rs.getString("tenant_type")),
                        rs.getObject("evaluation_starts_on", LocalDate.class),
                        rs.getObject("evaluation_ends_on", LocalDate.class)),
                rs.getString("storage_region"),
                new CreditQuota(rs.getObject("credit_quota", BigDecimal.class),
                        rs.getObject("quota_effective_date", LocalDate.class),
                        rs.getObject("quota_end_date", LocalDate.class)),
                new LicenceExpiry(rs.getObject("licence_expiry_date", LocalDate.class)),
                CustomerStatus.valueOf(rs.getString("status")),
                StoredTime.required(rs, "created_at"),
                rs.getInt("version"));
    }
}
