package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The few facts of every customer the caller reaches that reports need (name, plan, quota and
 * licence dates), in one query: the Global Usage report lists thousands of customers at once,
 * which paging through {@link CustomerManagement#search} would make slow.
 */
@Service
public class CustomerSummaries {

    private final JdbcClient jdbc;

    CustomerSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A customer as a report shows it.
     *
     * @param servicePlanId null for a customer without a plan
     */
    public record Summary(UUID id, String accountName, UUID servicePlanId, BigDecimal creditQuota,
            LocalDate quotaEffectiveDate, LocalDate quotaEndDate, LocalDate licenseExpiryDate) {
    }

    /**
     * The customers the caller reaches.
     *
     * @param everyCustomer false for a tenant administrator, who reaches only the customers assigned
     *     to them: a report must then count only these customers' usage, not the MSP's
     */
    public record Reachable(boolean everyCustomer, List<Summary> customers) {

        public Reachable {
            customers = List.copyOf(customers);
        }
    }

    /**
     * The ids of the reachable customers with these account names, as people type them: case,
     * runs of spaces and Unicode normalisation do not matter, as for the rule that keeps names
     * unique within an MSP, so a name names at most one customer. Names of none are absent.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<String, UUID> idsByName(Collection<String> names) {
        Map<String, UUID> byKey = new HashMap<>();
        reachable().customers().forEach(customer -> byKey.put(new AccountName(customer.accountName()).key(),
                customer.id()));
        Map<String, UUID> ids = new HashMap<>();
        for (String name : names) {
            try {
                Optional.ofNullable(byKey.get(new AccountName(name).key())).ifPresent(id -> ids.put(name, id));
            } catch (RejectedInput notAName) {
                // no customer has it
            }
        }
        return ids;
    }

    /**
     * The tenant administrator whose assigned customers are all the caller reaches, or empty when
     * the caller reaches every customer of the MSP: what {@link #reachable()} depends on besides
     * the MSP and its customers.
     */
    public Optional<UUID> assignedTo() {
        return AssignedCustomersScope.current().accountId();
    }

    /** Every customer of the caller's MSP that the caller reaches, by account name. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Reachable reachable() {
        Optional<UUID> assignedTo = AssignedCustomersScope.current().accountId();
        return new Reachable(assignedTo.isEmpty(), summaries(assignedTo, Optional.empty()));
    }

    /**
     * Those of these customers the caller reaches, by account name: what a report kept from
     * before needs to read again after they changed. Ids of customers not reached are absent.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Summary> reachableAmong(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : summaries(AssignedCustomersScope.current().accountId(), Optional.of(ids));
    }

    private List<Summary> summaries(Optional<UUID> assignedTo, Optional<Collection<UUID>> among) {
        UUID provider = ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
        JdbcClient.StatementSpec query = jdbc.sql("""
                SELECT c.id, c.account_name, c.name_key, c.service_plan_id, c.credit_quota, c.quota_effective_date,
                       c.quota_end_date, c.licence_expiry_date
                  FROM customer c
                 WHERE c.provider_id = :provider""" + (assignedTo.isPresent() ? """

                   AND EXISTS (SELECT 1 FROM customer_administrator a
                                WHERE a.customer_id = c.id AND a.account_id = :account)""" : "")
                + (among.isPresent() ? " AND c.id IN (:among)" : ""))
                .param("provider", provider);
        assignedTo.ifPresent(account -> query.param("account", account));
        among.ifPresent(ids -> query.param("among", ids));
        // Sorted here: PostgreSQL sorts 10 000 customers by name in longer than it takes to read
        // them, and the planner prefers that to walking the (MSP, name) index.
        return query.query((rs, row) -> new Keyed(rs.getString("name_key"), new Summary(rs.getObject("id", UUID.class),
                rs.getString("account_name"), rs.getObject("service_plan_id", UUID.class),
                rs.getBigDecimal("credit_quota"), rs.getObject("quota_effective_date", LocalDate.class),
                rs.getObject("quota_end_date", LocalDate.class), rs.getObject("licence_expiry_date", LocalDate.class))))
                .list().stream().sorted(Comparator.comparing(Keyed::nameKey)).map(Keyed::summary).toList();
    }

    /** A summary with its name's key (unique in the MSP), which orders customers by name. */
    private record Keyed(String nameKey, Summary summary) {
    }
}
