package org.mspportal.customers;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mspportal.plans.ServicePlan;

/**
 * A customer as its pages show it: the stored values, its plan and region by name, and its
 * dates measured from today (days of evaluation left, a licence expired or running out).
 *
 * @param plan the customer's plan, archived or not; null while it has none (the MSP's sandbox)
 */
record CustomerView(Customer customer, ServicePlan plan, String regionName, LocalDate today) {

    /** Licences expiring within this many days are highlighted, as the renewals worth a call. */
    static final int LICENCE_WARNING_DAYS = 30;

    public boolean hasPlan() {
        return plan != null;
    }

    public boolean evaluation() {
        return customer.tenantType() == TenantType.EVALUATION;
    }

    /** Days of evaluation left today, counting today; zero once it has run out; null for other tenant types. */
    public Long evaluationDaysLeft() {
        return tenancy().daysLeftOn(today).orElse(null);
    }

    public boolean evaluationExtended() {
        return tenancy().isExtended();
    }

    /** Whether "Extend evaluation" may be offered: an evaluation not yet extended, not locked by a migration. */
    public boolean canExtendEvaluation() {
        return tenancy().canBeExtended() && changesAllowed();
    }

    public boolean canConvertToCommercial() {
        return evaluation() && changesAllowed();
    }

    /** The confirmations that apply to the customer now, by the names the page's links and dialogs use. */
    public List<String> confirmations() {
        List<String> kinds = new ArrayList<>();
        if (changesAllowed()) {
            kinds.add("change-plan");
        }
        if (canExtendEvaluation()) {
            kinds.add("extend");
        }
        if (canConvertToCommercial()) {
            kinds.add("convert");
        }
        if (customer.status() == CustomerStatus.ACTIVE) {
            kinds.add("suspend");
        }
        return kinds;
    }

    public boolean changesAllowed() {
        return customer.status().allowsChanges();
    }

    public boolean beingMigrated() {
        return customer.status() == CustomerStatus.MIGRATION_IN_PROGRESS;
    }

    public boolean suspended() {
        return customer.status() == CustomerStatus.SUSPENDED;
    }

    public boolean licenceExpired() {
        return new LicenceExpiry(customer.licenseExpiryDate()).expiredOn(today);
    }

    public boolean licenceExpiringSoon() {
        return new LicenceExpiry(customer.licenseExpiryDate()).expiresWithin(LICENCE_WARNING_DAYS, today);
    }

    /** Days until the licence expires; negative once it has. */
    public long licenceDaysLeft() {
        return ChronoUnit.DAYS.between(today, customer.licenseExpiryDate());
    }

    /** Whether the quota applies today, has not started yet, or has ended: "current", "upcoming", "ended". */
    public String quotaPeriod() {
        if (today.isBefore(customer.quotaEffectiveDate())) {
            return "upcoming";
        }
        return today.isAfter(customer.quotaEndDate()) ? "ended" : "current";
    }

    public String credits() {
        return credits(customer.creditQuota());
    }

    /** "1 500.25": a dot for decimals, as people type it, and no-break spaces between thousands. */
    static String credits(BigDecimal amount) {
        return grouped("#,##0.##").format(amount);
    }

    /** "1 234": thousands apart by a no-break space, which reads the same in every language. */
    static String count(long number) {
        return grouped("#,##0").format(number);
    }

    private static DecimalFormat grouped(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator('.');
        return new DecimalFormat(pattern, symbols);
    }

    private Tenancy tenancy() {
        return new Tenancy(customer.tenantType(), customer.evaluationStartsOn(), customer.evaluationEndsOn());
    }
}
