package org.mspportal.usage;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any uploaded file is read by {@link UsageCsv} into records or refused with an
 * {@link UploadRefused}, never another exception. Regression inputs are in
 * {@code src/test/resources/org/mspportal/usage/UsageCsvFuzzTestsInputs/}.
 */
class UsageCsvFuzzTests {

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"customerId,workload,date,storedBytes,credits", "accountName", "\"", ",",
            "MICROSOFT_365", "2026-06-01", "1e999999999"})
    void anyUploadedFileIsReadOrRefused(byte[] file) {
        try {
            UsageCsv.read(file);
        } catch (UploadRefused refused) {
            // the page's "nothing was stored" answer
        }
    }
}
