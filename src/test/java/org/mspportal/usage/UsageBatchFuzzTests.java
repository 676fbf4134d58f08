package org.mspportal.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mspportal.customers.CustomerPlanTimeline;
import org.mspportal.plans.Edition;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any body sent to {@code POST /api/v1/usage} is read into records and checked as the API does,
 * without a database: it is either unreadable JSON (Spring answers 400), a {@link BatchRefused}
 * (422) or a list of records, never another exception. Regression inputs are in
 * {@code src/test/resources/org/mspportal/usage/UsageBatchFuzzTestsInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (see README).
 */
class UsageBatchFuzzTests {

    static final UUID CUSTOMER = UUID.fromString("3f2b8a4e-5c1d-4e7f-9a0b-1c2d3e4f5a6b");
    private static final UUID OLD_PLAN = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID PLAN = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UsageBatch BATCH = new UsageBatch(
            Map.of(CUSTOMER, new CustomerPlanTimeline.History(CUSTOMER, PLAN,
                    List.of(new CustomerPlanTimeline.Move(OLD_PLAN, PLAN, TODAY.minusMonths(3))))),
            Map.of(OLD_PLAN, Edition.values()[0], PLAN, Edition.values()[Edition.values().length - 1]), TODAY);

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"{\"records\":[", "\"customerId\":", "\"3f2b8a4e-5c1d-4e7f-9a0b-1c2d3e4f5a6b\"",
            "\"workload\":", "\"MICROSOFT_365\"", "\"VMWARE\"", "\"date\":", "\"2026-06-01\"", "\"storedBytes\":",
            "\"credits\":", "1e999999999", "-0.5", "null"})
    void anyUsageBodyIsReadIntoRecordsOrRefused(byte[] body) {
        UsageApi.UsageBatchBody read;
        try {
            read = JSON.readValue(body, UsageApi.UsageBatchBody.class);
        } catch (JacksonException unreadable) {
            return;
        }
        try {
            List<SubmittedUsage> submitted = read == null ? null : read.records();
            UsageBatch.requireSize(submitted);
            UsageBatch.customerIds(submitted);
            BATCH.checked(submitted);
        } catch (BatchRefused refused) {
            // the API's 422
        }
    }
}
