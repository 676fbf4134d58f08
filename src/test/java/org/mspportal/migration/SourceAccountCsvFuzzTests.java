package org.mspportal.migration;

import java.io.ByteArrayInputStream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any imported file is read by {@link SourceAccountCsv} into lines and refusals (by line and
 * column), never an exception. Regression inputs are in
 * {@code src/test/resources/org/mspportal/migration/SourceAccountCsvFuzzTestsInputs/}.
 */
class SourceAccountCsvFuzzTests {

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"name,cloudAdministratorEmail,status,hybridEdition,hybridWorkloads,hybridExpiry,"
            + "microsoft365Expiry,googleWorkspaceExpiry,endpointsExpiry", "active", "suspended", "ENTERPRISE",
            "VMWARE;NAS", "2027-03-31", "\"", ",", ";"})
    void anyImportedFileIsReadIntoAccountsOrRefusals(byte[] file) {
        SourceAccountCsv.read(new ByteArrayInputStream(file));
    }
}
