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
import org.mspportal.shared.WrittenDate;

/**
 * A customer as its pages show it: the stored values, its plan and region by name, and its
 * dates measured from today (days of evaluation left, a licence expired or running out), worked
 * out once: the Customers page reads each value of 25 rows from its template, where every read
 * is an expression evaluation, and rendering was most of the page's CPU (bench/load.sh).
 */
final class CustomerView {

    /** Licences expiring within this many days are highlighted, as the renewals worth a call. */
    static final int LICENCE_WARNING_DAYS = 30;

    private static final DecimalFormat CREDITS = grouped("#,##0.##");
    private static final DecimalFormat COUNT = grouped("#,##0");

    private final Customer customer;
    private final ServicePlan plan;
    private final String regionName;
    private final Tenancy tenancy;
    private final Long evaluationDaysLeft;
    private final String credits;
    private final String licenceExpiry;
    private final long licenceDaysLeft;
    private final boolean licenceExpired;
    private final boolean licenceExpiringSoon;
    private final String quotaPeriod;

    /** @param plan the customer's plan, archived or not; null while it has none (the MSP's sandbox) */
    CustomerView(Customer customer, ServicePlan plan, String regionName, LocalDate today) {
        this.customer = customer;
        this.plan = plan;
        this.regionName = regionName;
        this.tenancy = new Tenancy(customer.tenantType(), customer.evaluationStartsOn(), customer.evaluationEndsOn());
        this.evaluationDaysLeft = tenancy.daysLeftOn(today).orElse(null);
        this.credits = credits(customer.creditQuota());
        LicenceExpiry licence = new LicenceExpiry(customer.licenseExpiryDate());
        this.licenceExpiry = WrittenDate.of(customer.licenseExpiryDate());
        this.licenceDaysLeft = ChronoUnit.DAYS.between(today, customer.licenseExpiryDate());
        this.licenceExpired = licence.expiredOn(today);
        this.licenceExpiringSoon = licence.expiresWithin(LICENCE_WARNING_DAYS, today);
        this.quotaPeriod = today.isBefore(customer.quotaEffectiveDate()) ? "upcoming"
                : today.isAfter(customer.quotaEndDate()) ? "ended" : "current";
    }

    public Customer customer() {
        return customer;
    }

    public ServicePlan plan() {
        return plan;
    }

    public String regionName() {
        return regionName;
    }

    public boolean hasPlan() {
        return plan != null;
    }

    public boolean evaluation() {
        return customer.tenantType() == TenantType.EVALUATION;
    }

    /** Days of evaluation left today, counting today; zero once it has run out; null for other tenant types. */
    public Long evaluationDaysLeft() {
        return evaluationDaysLeft;
    }

    public boolean evaluationExtended() {
        return tenancy.isExtended();
    }

    /** Whether "Extend evaluation" may be offered: an evaluation not yet extended, not locked by a migration. */
    public boolean canExtendEvaluation() {
        return tenancy.canBeExtended() && changesAllowed();
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

    /** "1 Jan 2027". */
    public String licenceExpiry() {
        return licenceExpiry;
    }

    public boolean licenceExpired() {
        return licenceExpired;
    }

    public boolean licenceExpiringSoon() {
        return licenceExpiringSoon;
    }

    /** Days until the licence expires; negative once it has. */
    public long licenceDaysLeft() {
        return licenceDaysLeft;
    }

    /** Whether the quota applies today, has not started yet, or has ended: "current", "upcoming", "ended". */
    public String quotaPeriod() {
        return quotaPeriod;
    }

    public String credits() {
        return credits;
    }

    /** "1 500.25": a dot for decimals, as people type it, and no-break spaces between thousands. */
    static String credits(BigDecimal amount) {
        return copy(CREDITS).format(amount);
    }

    /** "1 234": thousands apart by a no-break space, which reads the same in every language. */
    static String count(long number) {
        return copy(COUNT).format(number);
    }

    /** A DecimalFormat is not thread-safe; a copy of a parsed one costs less than parsing its pattern again. */
    private static DecimalFormat copy(DecimalFormat format) {
        return (DecimalFormat) format.clone();
    }

    private static DecimalFormat grouped(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator('.');
        return new DecimalFormat(pattern, symbols);
    }
}
