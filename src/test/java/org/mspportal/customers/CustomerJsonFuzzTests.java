package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mspportal.shared.RejectedInput;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Any body sent to create or change a customer is read field by field as {@link CustomerApi}
 * does: into a command, or refused as not JSON (400) or by field ({@link RejectedInput}, 422),
 * never another exception. Regression inputs are in
 * {@code src/test/resources/org/mspportal/customers/CustomerJsonFuzzTestsInputs/}.
 */
class CustomerJsonFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Customer CURRENT = new Customer(UUID.randomUUID(), "Contoso", null, null, null,
            UUID.fromString("3f2b8a4e-5c1d-4e7f-9a0b-1c2d3e4f5a6b"), TenantType.values()[0], null, null, "eu-west",
            new BigDecimal("100.00"), TODAY, TODAY.plusYears(1), TODAY.plusYears(1), CustomerStatus.values()[0],
            Instant.EPOCH, 3);

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"{\"accountName\":", "\"servicePlanId\":", "\"3f2b8a4e-5c1d-4e7f-9a0b-1c2d3e4f5a6b\"",
            "\"tenantType\":", "\"storageRegion\":", "\"creditQuota\":", "\"quotaEffectiveDate\":",
            "\"quotaEndDate\":", "\"licenseExpiryDate\":", "\"2026-12-31\"", "\"version\":", "\"status\":",
            "1e999999999", "null"})
    void anyCustomerBodyIsReadIntoACommandOrRefused(byte[] body) {
        try {
            CustomerApi.registration(body, JSON, TODAY);
        } catch (ResponseStatusException | RejectedInput refused) {
            // 400, or 422 naming the fields
        }
        try {
            FieldRefusals refusals = new FieldRefusals();
            CustomerJson fields = CustomerJson.read(body, JSON, refusals);
            CustomerApi.changes(fields, CURRENT, refusals);
            CustomerApi.planChange(fields, CURRENT, refusals);
            refusals.throwIfAny();
        } catch (ResponseStatusException | RejectedInput refused) {
            // as above, for a merge patch
        }
    }
}
