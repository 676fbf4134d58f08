package org.mspportal.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which tenant administrators are assigned to which customers, as stored. */
@Repository
class CustomerAdministrators {

    private final JdbcClient jdbc;

    CustomerAdministrators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Assignment(UUID accountId, Instant assignedAt, String assignedBy) {
    }

    /** Assigns the account unless it already is; false when it already was. */
    boolean assign(UUID customerId, UUID accountId, Instant at, String by) {
        if (assigned(customerId, accountId)) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO customer_administrator (customer_id, account_id, assigned_at, assigned_by)
                VALUES (:customer, :account, :at, :by)""")
                .param("customer", customerId)
                .param("account", accountId)
                .param("at", StoredTime.of(at))
                .param("by", by)
                .update();
        return true;
    }

    /** False when the account was not assigned. */
    boolean unassign(UUID customerId, UUID accountId) {
        return jdbc.sql("DELETE FROM customer_administrator WHERE customer_id = :customer AND account_id = :account")
                .param("customer", customerId)
                .param("account", accountId)
                .update() == 1;
    }

    boolean assigned(UUID customerId, UUID accountId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM customer_administrator WHERE customer_id = :customer AND account_id = :account""")
                .param("customer", customerId)
                .param("account", accountId)
                .query(Long.class).single() > 0;
    }

    /** The customer's tenant administrators, longest-serving first. */
    List<Assignment> of(UUID customerId) {
        return jdbc.sql("""
                SELECT account_id, assigned_at, assigned_by FROM customer_administrator
                 WHERE customer_id = :customer ORDER BY assigned_at, account_id""")
                .param("customer", customerId)
                .query((rs, n) -> new Assignment(rs.getObject("account_id", UUID.class),
                        StoredTime.required(rs, "assigned_at"), rs.getString("assigned_by")))
                .list();
    }
}
