package org.mspportal.migration;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator's CSV import of source accounts: all lines or none, refusals by line and column. */
@DatabaseTest
@AutoConfigureMockMvc
class SourceAccountImportTests {

    private static final String HEADER = "name,cloudAdministratorEmail,status,hybridEdition,hybridWorkloads,"
            + "hybridExpiry,microsoft365Expiry,googleWorkspaceExpiry,endpointsExpiry\n";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired SourceAccountManagement sources;

    String batch;
    LocalDate today;

    @BeforeEach
    void aBatchOfAccounts() {
        batch = "Batch " + UUID.randomUUID();
        today = LocalDate.now(clock);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void aValidFileWithAByteOrderMarkImportsEveryAccountWithItsStatusAndLicenceAndAuditsEach() throws Exception {
        String csv = HEADER
                + "\"" + batch + " hybrid, Ltd\",it@hybrid.example,active,ENTERPRISE,VMWARE;nas," + today.plusYears(1)
                + "," + today.plusMonths(6) + ",,\n"
                + batch + " saas,it@saas.example,suspended,,,,," + today.plusYears(2) + "," + today.plusYears(1) + "\n";

        mvc.perform(multipart("/source-accounts/import").file(file(withBom(csv))).with(csrf()).with(operator()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/source-accounts"))
                .andExpect(flash().attribute("notice", "Imported 2 accounts."));

        List<SourceAccount> imported = batch();
        assertThat(imported).extracting(SourceAccount::name)
                .containsExactlyInAnyOrder(batch + " hybrid, Ltd", batch + " saas");
        SourceAccount hybrid = imported.stream().filter(account -> account.name().endsWith("Ltd")).findFirst()
                .orElseThrow();
        assertThat(hybrid.licence().hybrid().edition()).isEqualTo(Edition.ENTERPRISE);
        assertThat(hybrid.licence().hybrid().workloads()).containsExactlyInAnyOrder(Workload.VMWARE, Workload.NAS);
        assertThat(hybrid.licence().saas()).containsEntry(Workload.MICROSOFT_365, today.plusMonths(6));
        assertThat(imported).filteredOn(account -> account.name().endsWith("saas")).singleElement()
                .satisfies(saas -> assertThat(saas.status()).isEqualTo(SourceAccountStatus.SUSPENDED));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'source-account.imported' "
                        + "AND summary LIKE :batch").param("batch", "%" + batch + "%").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aBadLineRefusesTheWholeFileNamingEachLineAndColumn() throws Exception {
        String csv = HEADER
                + batch + " good,it@good.example,active,,,," + today.plusYears(1) + ",,\n"
                + batch + " bad email,not an address,active,,,," + today.plusYears(1) + ",,\n"
                + batch + " bad date,it@date.example,active,,,,31/12/2027,,\n";

        mvc.perform(multipart("/source-accounts/import").file(file(csv.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was imported")))
                .andExpect(content().string(containsString("<td>3</td>")))
                .andExpect(content().string(containsString("<code>cloudAdministratorEmail</code>")))
                .andExpect(content().string(containsString("<td>4</td>")))
                .andExpect(content().string(containsString("<code>microsoft365Expiry</code>")))
                .andExpect(content().string(containsString("Write the date as YYYY-MM-DD")));

        assertThat(batch()).isEmpty();
    }

    @Test
    void refusalsComeBackByLineAndColumnWithTheRulesOfARegisteredAccount() {
        String csv = HEADER
                + batch + ",it@one.example,dormant,,,,,,\n"
                + batch + ",it@two.example,active,ELITE,VMWARE,,,,\n";

        SourceAccountImport imported = asOperator(() -> sources.importCsv(stream(csv.getBytes(StandardCharsets.UTF_8))));

        assertThat(imported.registered()).isEmpty();
        assertThat(imported.refusals()).extracting(SourceAccountImport.Refusal::line, SourceAccountImport.Refusal::column)
                .containsExactly(tuple(2L, "status"),
                        tuple(3L, "hybridExpiry"));
    }

    @Test
    void aNameInAnyScriptWithAnEmojiRoundTripsWithoutAByteOrderMark() {
        String name = "株式会社サンプル 🚀 Ελληνικά " + batch;
        String csv = "name,cloudAdministratorEmail,endpointsExpiry\n" + name + ",admin@sample.example,"
                + today.plusYears(1) + "\n";

        SourceAccountImport imported = asOperator(() -> sources.importCsv(stream(csv.getBytes(StandardCharsets.UTF_8))));

        assertThat(imported.refused()).isFalse();
        assertThat(asOperator(() -> sources.get(imported.registered().get(0).id())).name()).isEqualTo(name);
    }

    @Test
    void theDownloadedTemplateImportsAsItIs() throws Exception {
        byte[] template = mvc.perform(get("/source-accounts/import/template.csv").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();

        SourceAccountImport imported = asOperator(() -> sources.importCsv(stream(template)));

        assertThat(imported.refusals()).isEmpty();
        assertThat(imported.registered()).extracting(SourceAccount::name).contains("株式会社サンプル 🚀");
    }

    @Test
    void onlyThePlatformOperatorReachesTheImport() throws Exception {
        SignedInAdministrator mspAdministrator = new TestMsps(jdbc, clock).stored(new TestMsps(jdbc, clock).provider(),
                Role.MSP_ADMINISTRATOR);
        String csv = HEADER + batch + ",it@one.example,active,,,," + today.plusYears(1) + ",,\n";

        mvc.perform(multipart("/source-accounts/import").file(file(csv.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(as(mspAdministrator)))
                .andExpect(status().isForbidden());
        assertThat(batch()).isEmpty();
    }

    private List<SourceAccount> batch() {
        return jdbc.sql("SELECT id FROM source_account WHERE name LIKE :batch").param("batch", batch + "%")
                .query(UUID.class).list().stream().map(id -> asOperator(() -> sources.get(id))).toList();
    }

    private static MockMultipartFile file(byte[] content) {
        return new MockMultipartFile("file", "accounts.csv", "text/csv", content);
    }

    private static byte[] withBom(String csv) {
        byte[] text = csv.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(text, 0, withBom, BOM.length, text.length);
        return withBom;
    }

    private static ByteArrayInputStream stream(byte[] content) {
        return new ByteArrayInputStream(content);
    }

    private static <T> T asOperator(Supplier<T> work) {
        return MigrationFixtures.asOperator(work);
    }

    private static RequestPostProcessor operator() {
        return as(MigrationFixtures.OPERATOR);
    }

    private static RequestPostProcessor as(SignedInAdministrator administrator) {
        return MigrationFixtures.signedIn(administrator);
    }
}
