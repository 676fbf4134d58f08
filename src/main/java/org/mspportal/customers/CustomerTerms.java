package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' quota and licence terms, read by the system for alerts: after a usage batch is
 * stored and by the daily licence reminder job, where no one is signed in. It therefore asks for no
 * security context and spans MSPs; each answer names its customer's MSP, and pages never use it
 * ({@link CustomerManagement} serves people, scoped to their MSP).
 */
@Service
public class CustomerTerms {

    /** Ids per query, as {@link CustomerPlanTimeline} reads them. */
    private static final int IDS_PER_QUERY = 1000;

    private final JdbcClient jdbc;

    CustomerTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer's credit quota and the window it applies in, both days included. */
    public record QuotaTerm(UUID customerId, UUID providerId, String accountName, BigDecimal creditQuota,
            LocalDate effectiveOn, LocalDate endsOn) {
    }

    /** The day a customer's licence expires. */
    public record LicenceTerm(UUID customerId, UUID providerId, String accountName, LocalDate expiresOn) {
    }

    /**
     * A customer on a plan, for its scheduled usage report: the plan's report frequency, the day
     * the customer was created (no report covers a period that ended before it), and its terms.
     */
    public record ReportTerm(UUID customerId, UUID providerId, String accountName, UsageReportFrequency frequency,
            LocalDate createdOn, BigDecimal creditQuota, LocalDate quotaEffectiveOn, LocalDate quotaEndsOn,
            LocalDate licenceExpiresOn) {
    }

    /** Every MSP's customers that are on a plan (the sandbox is not), by MSP. */
    @Transactional(readOnly = true)
    public List<ReportTerm> onPlans() {
        return jdbc.sql("""
                SELECT c.id, c.provider_id, c.account_name, p.usage_report_frequency, c.created_at, c.credit_quota,
                       c.quota_effective_date, c.quota_end_date, c.licence_expiry_date
                  FROM customer c JOIN service_plan p ON p.id = c.service_plan_id
                 ORDER BY c.provider_id, c.id""")
                .query((rs, row) -> new ReportTerm(rs.getObject("id", UUID.class),
                        rs.getObject("provider_id", UUID.class), rs.getString("account_name"),
                        UsageReportFrequency.valueOf(rs.getString("usage_report_frequency")),
                        LocalDate.ofInstant(StoredTime.required(rs, "created_at"), ZoneOffset.UTC),
                        rs.getBigDecimal("credit_quota"), rs.getObject("quota_effective_date", LocalDate.class),
                        rs.getObject("quota_end_date", LocalDate.class),
                        rs.getObject("licence_expiry_date", LocalDate.class)))
                .list();
    }

    /** The quota terms of those of {@code customerIds} that exist. */
    @Transactional(readOnly = true)
    public Map<UUID, QuotaTerm> quotas(Collection<UUID> customerIds) {
        List<UUID> ids = List.copyOf(customerIds);
        Map<UUID, QuotaTerm> terms = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            jdbc.sql("""
                    SELECT id, provider_id, account_name, credit_quota, quota_effective_date, quota_end_date
                      FROM customer WHERE id IN (:ids)""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .query((rs, row) -> new QuotaTerm(rs.getObject("id", UUID.class),
                            rs.getObject("provider_id", UUID.class), rs.getString("account_name"),
                            rs.getBigDecimal("credit_quota"), rs.getObject("quota_effective_date", LocalDate.class),
                            rs.getObject("quota_end_date", LocalDate.class)))
                    .list()
                    .forEach(term -> terms.put(term.customerId(), term));
        }
        return terms;
    }

    /** Every MSP's customers whose licence expires after {@code after} and on or before {@code until}. */
    @Transactional(readOnly = true)
    public List<LicenceTerm> licencesExpiring(LocalDate after, LocalDate until) {
        return jdbc.sql("""
                SELECT id, provider_id, account_name, licence_expiry_date FROM customer
                 WHERE licence_expiry_date > :after AND licence_expiry_date <= :until
                 ORDER BY provider_id, licence_expiry_date, id""")
                .param("after", after)
                .param("until", until)
                .query((rs, row) -> new LicenceTerm(rs.getObject("id", UUID.class),
                        rs.getObject("provider_id", UUID.class), rs.getString("account_name"),
                        rs.getObject("licence_expiry_date", LocalDate.class)))
                .list();
    }
}
