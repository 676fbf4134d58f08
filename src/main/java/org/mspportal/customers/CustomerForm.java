package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.mspportal.shared.RejectedInput;

/**
 * The Add and Edit customer forms' fields exactly as typed, so a refused form comes back with
 * every value the administrator entered. The field names are those of {@link RegisterCustomer},
 * so a refusal from the façade lands beside the field it names.
 *
 * <p>Turning the text into a command checks every field the form can check on its own (dates,
 * the amount, the rules of {@link AccountName}, {@link CreditQuota} and {@link LicenceExpiry}) and
 * reports all of them at once, rather than one per submission; rules that need the database (a
 * name already taken, an archived plan) are the façade's.
 */
record CustomerForm(String accountName, String organizationName, String address, String phoneNumber,
        String servicePlanId, String tenantType, String storageRegion, String creditQuota, String quotaEffectiveDate,
        String quotaEndDate, String licenseExpiryDate, String version) {

    /** The names of the fields, which are the names the façade's refusals use. */
    static final Set<String> FIELDS = Set.of("accountName", "organizationName", "address", "phoneNumber",
            "servicePlanId", "tenantType", "storageRegion", "creditQuota", "quotaEffectiveDate", "quotaEndDate",
            "licenseExpiryDate");

    /** A new customer's suggestions: an evaluation whose quota and licence run a year from today. */
    static CustomerForm blank(LocalDate today, String onlyPlan, String firstRegion) {
        return new CustomerForm("", "", "", "", onlyPlan, TenantType.EVALUATION.name(), firstRegion, "",
                today.toString(), today.plusYears(1).toString(), today.plusYears(1).toString(), null);
    }

    static CustomerForm of(Customer customer) {
        return new CustomerForm(customer.accountName(), text(customer.organizationName()), text(customer.address()),
                text(customer.phoneNumber()), customer.servicePlanId() == null ? null : customer.servicePlanId().toString(),
                customer.tenantType().name(), customer.storageRegion(), CustomerView.credits(customer.creditQuota())
                        .replace("\u00a0", ""),
                customer.quotaEffectiveDate().toString(), customer.quotaEndDate().toString(),
                customer.licenseExpiryDate().toString(), String.valueOf(customer.version()));
    }

    /** The command, or null with {@code errors} filled in (field name to message) when a field is wrong. */
    RegisterCustomer registration(Map<String, String> errors) {
        check(errors, () -> new AccountName(accountName));
        UUID plan = check(errors, this::plan);
        TenantType type = check(errors, this::type);
        String region = check(errors, this::region);
        Dated dated = dated(errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new RegisterCustomer(accountName, organizationName, address, phoneNumber, plan, type, region,
                dated.credits(), dated.effective(), dated.end(), dated.licence());
    }

    /** The change, or null with {@code errors} filled in; a form that lost its version is treated as stale. */
    UpdateCustomer update(Map<String, String> errors) {
        check(errors, () -> new AccountName(accountName));
        TenantType type = check(errors, this::type);
        String region = check(errors, this::region);
        Dated dated = dated(errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new UpdateCustomer(accountName, organizationName, address, phoneNumber, type, region, dated.credits(),
                dated.effective(), dated.end(), dated.licence(), versionNumber());
    }

    private record Dated(BigDecimal credits, LocalDate effective, LocalDate end, LocalDate licence) {
    }

    private Dated dated(Map<String, String> errors) {
        BigDecimal credits = check(errors, () -> CreditQuota.parseCredits(creditQuota));
        LocalDate effective = check(errors, () -> date(CreditQuota.EFFECTIVE_FIELD, quotaEffectiveDate));
        LocalDate end = check(errors, () -> date(CreditQuota.END_FIELD, quotaEndDate));
        LocalDate licence = check(errors, () -> date(LicenceExpiry.FIELD, licenseExpiryDate));
        // The quota's date rules are checked even when the amount was refused, with a stand-in amount,
        // so a wrong end date is reported in the same round; the amount's own error is kept first.
        check(errors, () -> new CreditQuota(credits == null ? BigDecimal.ONE : credits, effective, end));
        check(errors, () -> new LicenceExpiry(licence));
        return new Dated(credits, effective, end, licence);
    }

    private UUID plan() {
        if (servicePlanId == null || servicePlanId.isBlank()) {
            throw new RejectedInput("servicePlanId", "Choose a service plan.");
        }
        try {
            return UUID.fromString(servicePlanId.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new RejectedInput("servicePlanId", "Choose one of your service plans.");
        }
    }

    /** Null when the form did not send one: the customer's current type, or an evaluation for a new one. */
    private TenantType type() {
        if (tenantType == null || tenantType.isBlank()) {
            return null;
        }
        try {
            return TenantType.valueOf(tenantType.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new RejectedInput(Tenancy.FIELD, "Choose evaluation or commercial.");
        }
    }

    private String region() {
        if (storageRegion == null || storageRegion.isBlank()) {
            throw new RejectedInput("storageRegion", "Choose a storage region.");
        }
        return storageRegion.strip();
    }

    /** Date fields send yyyy-mm-dd; a browser without a date picker may send anything. Empty is null. */
    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            throw new RejectedInput(field, "Enter a date as year-month-day, for example 2026-05-31.");
        }
    }

    /** The version the form was read at; -1 (never a version) when it is missing or mangled, so saving is refused. */
    private int versionNumber() {
        try {
            return Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException missing) {
            return -1;
        }
    }

    private static <T> T check(Map<String, String> errors, Supplier<T> value) {
        try {
            return value.get();
        } catch (RejectedInput refused) {
            errors.putIfAbsent(refused.field(), refused.getMessage());
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
