package org.mspportal.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which plan each of a set of customers was on, day by day: what usage ingestion needs to file
 * every record under the edition of its day, for thousands of customers at once. Reads the
 * customers and their plan changes in one query per thousand ids, only of the caller's MSP.
 */
@Service
public class CustomerPlanTimeline {

    /** Ids per query: far below PostgreSQL's 32 767 bind parameters, and a short IN list to parse. */
    private static final int IDS_PER_QUERY = 1000;

    private final JdbcClient jdbc;

    CustomerPlanTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A customer's current plan and its moves in the order they happened.
     *
     * @param currentPlanId null for a customer without a plan (the sandbox before it gets one)
     */
    public record History(UUID customerId, UUID currentPlanId, List<Move> moves) {

        public History {
            moves = List.copyOf(moves);
        }

        /**
         * The plan the customer was on that day, empty if none. A move counts from the (UTC) day
         * it was made, so the day of a change is the new plan's; on a day with several moves the
         * last one counts. Days before the first move are the first plan's.
         */
        public Optional<UUID> planOn(LocalDate day) {
            for (Move move : moves) {
                if (move.effectiveOn().isAfter(day)) {
                    return Optional.ofNullable(move.fromPlanId());
                }
            }
            return Optional.ofNullable(currentPlanId);
        }
    }

    /** A move between plans; {@code fromPlanId} is null when the customer had no plan. */
    public record Move(UUID fromPlanId, UUID toPlanId, LocalDate effectiveOn) {
    }

    /**
     * The histories of those of {@code customerIds} that are the caller's MSP's customers; any
     * other id (unknown, or another MSP's) is simply absent from the answer.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<UUID, History> of(Collection<UUID> customerIds) {
        Optional<UUID> provider = ProviderScope.current().providerId();
        List<UUID> ids = List.copyOf(customerIds);
        Map<UUID, History> histories = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            histories.putAll(read(provider, ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
        }
        return histories;
    }

    private Map<UUID, History> read(Optional<UUID> provider, List<UUID> ids) {
        Map<UUID, UUID> currentPlans = new HashMap<>();
        Map<UUID, List<Move>> moves = new HashMap<>();
        JdbcClient.StatementSpec query = jdbc.sql("""
                SELECT c.id, c.service_plan_id, ch.from_plan_id, ch.to_plan_id, ch.changed_at
                  FROM customer c LEFT JOIN customer_plan_change ch ON ch.customer_id = c.id
                 WHERE c.id IN (:ids)""" + (provider.isPresent() ? " AND c.provider_id = :provider" : "")
                + " ORDER BY c.id, ch.id")
                .param("ids", ids);
        provider.ifPresent(own -> query.param("provider", own));
        query.query(rs -> {
            UUID customer = rs.getObject("id", UUID.class);
            currentPlans.put(customer, rs.getObject("service_plan_id", UUID.class));
            List<Move> customerMoves = moves.computeIfAbsent(customer, id -> new ArrayList<>());
            Optional<Instant> changedAt = StoredTime.read(rs, "changed_at");
            if (changedAt.isPresent()) {
                customerMoves.add(new Move(rs.getObject("from_plan_id", UUID.class),
                        rs.getObject("to_plan_id", UUID.class), LocalDate.ofInstant(changedAt.get(), ZoneOffset.UTC)));
            }
        });
        Map<UUID, History> histories = new HashMap<>();
        currentPlans.forEach((customer, plan) -> histories.put(customer, new History(customer, plan, moves.get(customer))));
        return histories;
    }
}
