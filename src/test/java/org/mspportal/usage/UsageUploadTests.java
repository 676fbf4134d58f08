package org.mspportal.usage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The usage CSV upload page, as an MSP administrator's browser sends a file to it. */
@DatabaseTest
@AutoConfigureMockMvc
class UsageUploadTests {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;

    UUID provider;
    UUID customer;
    RequestPostProcessor admin;
    LocalDate today;

    @BeforeEach
    void anMspWithACustomer() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        UUID business = plans.create(new CreateServicePlan("Business", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
        TestMsps.actAsNobody();
        customer = new TestCustomers(jdbc, clock).onPlan(provider, business);
        admin = authentication(TestMsps.of(provider, Role.MSP_ADMINISTRATOR));
        today = LocalDate.now(clock);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void aValidFileWithAByteOrderMarkIsStoredAndShowsInTheReport() throws Exception {
        byte[] file = withBom(UsageCsv.HEADER + "\r\n"
                + customer + ",VMWARE," + today + ",,2.5\r\n"
                + customer + ",MICROSOFT_365," + today.minusDays(1) + ",1000000000000,\r\n");

        UsageUpload.Outcome outcome = uploaded(upload(file));

        assertThat(outcome.repeated()).isFalse();
        assertThat(outcome.receipt().accepted()).isEqualTo(2);
        assertThat(outcome.receipt().credits()).isEqualByComparingTo("2.532873");
        assertThat(outcome.firstDay()).isEqualTo(today.minusDays(1));
        GlobalUsage report = (GlobalUsage) mvc.perform(get("/reports/global-usage")
                        .param("from", today.minusDays(1).toString()).param("to", today.toString()).with(admin))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("usage");
        assertThat(report.totalCredits()).isEqualByComparingTo("2.532873");
    }

    @Test
    void anInvalidLineRefusesTheWholeFileNamingItsLineAndColumn() throws Exception {
        byte[] file = bytes(UsageCsv.HEADER + "\n"
                + customer + ",VMWARE," + today + ",,1\n"
                + customer + ",TAPE," + today + ",,1\n");

        UploadRefused refusal = refused(upload(file));

        assertThat(refusal.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("workload");
            assertThat(problem.message()).startsWith("Unknown workload \"TAPE\"");
        });
        assertThat(recordsStored()).isZero();
    }

    @Test
    void aCellThatIsNotANumberIsNamedTogetherWithTheIngestionsOwnRefusals() throws Exception {
        byte[] file = bytes("date,customerId,workload,credits\n"
                + today + "," + customer + ",VMWARE,1.5\n"
                + today + "," + customer + ",NAS,\"1,5\"\n"
                + today + "," + UUID.randomUUID() + ",NAS,1\n"
                + today + "," + customer + ",VMWARE,2\n");

        UploadRefused refusal = refused(upload(file));

        assertThat(refusal.problems()).extracting(UploadRefused.Problem::line, UploadRefused.Problem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "credits"),
                        org.assertj.core.groups.Tuple.tuple(4, "customerId"),
                        org.assertj.core.groups.Tuple.tuple(5, "date"));
        assertThat(refusal.problems().get(2).message()).startsWith("Line 2 already has this customer's usage");
        assertThat(recordsStored()).isZero();
    }

    @Test
    void customersMayBeNamedByAccountNameInAnyCaseAndAnUnknownNameIsNamedByItsLine() throws Exception {
        String name = jdbc.sql("SELECT account_name FROM customer WHERE id = :id").param("id", customer)
                .query(String.class).single();
        String byName = "accountName,workload,date,credits\n\"" + name.toUpperCase(java.util.Locale.ROOT) + "\",NAS,"
                + today + ",2\n";

        UploadRefused refusal = refused(upload(bytes(byName + "Nobody GmbH,NAS," + today + ",1\n")));
        assertThat(refusal.problems()).containsExactly(new UploadRefused.Problem(3, "accountName",
                "No customer of yours has the account name \"Nobody GmbH\"."));

        assertThat(uploaded(upload(bytes(byName))).receipt().accepted()).isEqualTo(1);
        assertThat(recordsStored()).isEqualTo(1);
    }

    @Test
    void theSameFileUploadedTwiceCountsOnceAndSaysSo() throws Exception {
        byte[] file = bytes(UsageCsv.HEADER + "\n" + customer + ",VMWARE," + today + ",,3\n");
        uploaded(upload(file));

        UsageUpload.Outcome again = uploaded(upload(file));

        assertThat(again.repeated()).isTrue();
        assertThat(again.receipt().accepted()).isEqualTo(1);
        assertThat(recordsStored()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT credits FROM usage_daily WHERE customer_id = :customer")
                .param("customer", customer).query(BigDecimal.class).single()).isEqualByComparingTo("3");
        assertThat(uploadsAudited()).isEqualTo(1);
    }

    @Test
    void anUploadIsAuditedWithTheFilesNameAndFingerprint() throws Exception {
        uploaded(upload(bytes(UsageCsv.HEADER + "\n" + customer + ",NAS," + today + ",,1\n")));

        assertThat(jdbc.sql("""
                SELECT summary FROM audit_entry WHERE provider_id = :provider AND action = 'usage.uploaded'""")
                .param("provider", provider).query(String.class).single())
                .isEqualTo("Uploaded usage from usage.csv: 1 record, " + today + " to " + today);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAsAWhole() throws Exception {
        byte[] latin1 = (UsageCsv.HEADER + "\n" + customer + ",NAS," + today + ",,1 # Café\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(refused(upload(latin1)).getMessage()).startsWith("The file is not UTF-8 text.");
    }

    @Test
    void aFileWithAnUnknownColumnIsRefusedAsAWhole() throws Exception {
        UploadRefused refusal = refused(upload(bytes("customerId,workload,day,credits\n" + customer + ",NAS,"
                + today + ",1\n")));

        assertThat(refusal.getMessage()).isEqualTo("The header names an unknown column \"day\". The first line must be "
                + UsageCsv.HEADER + " (or accountName for customerId).");
        assertThat(refusal.problems()).isEmpty();
    }

    @Test
    void aFileOfMoreThanTenThousandRowsIsRefused() throws Exception {
        StringBuilder file = new StringBuilder(UsageCsv.HEADER).append('\n');
        for (int row = 0; row <= UsageBatch.MAX_RECORDS; row++) {
            file.append(customer).append(",NAS,").append(today.minusDays(row % 700)).append(",,1\n");
        }

        assertThat(refused(upload(bytes(file.toString()))).getMessage()).startsWith("The file has more than 10 000 rows");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"READ_ONLY_ADMINISTRATOR", "TENANT_ADMINISTRATOR"})
    void onlyMspAdministratorsMayUpload(Role role) throws Exception {
        RequestPostProcessor other = authentication(TestMsps.of(provider, role));

        mvc.perform(get(UsageUploadPages.PATH).with(other)).andExpect(status().isForbidden());
        mvc.perform(multipart(UsageUploadPages.PATH).file(csv(bytes(UsageCsv.HEADER + "\n" + customer + ",NAS,"
                + today + ",,1\n"))).with(csrf()).with(other)).andExpect(status().isForbidden());
        assertThat(recordsStored()).isZero();
    }

    @Test
    void anotherMspsCustomerIsRefusedLikeAnUnknownOne() throws Exception {
        UUID otherMsp = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(otherMsp, Role.MSP_ADMINISTRATOR);
        UUID otherPlan = plans.create(new CreateServicePlan("Theirs", Edition.ELITE, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
        TestMsps.actAsNobody();
        UUID theirs = new TestCustomers(jdbc, clock).onPlan(otherMsp, otherPlan);

        UploadRefused refusal = refused(upload(bytes(UsageCsv.HEADER + "\n" + theirs + ",NAS," + today + ",,1\n")));

        assertThat(refusal.problems()).singleElement().isEqualTo(
                new UploadRefused.Problem(2, "customerId", UsageBatch.UNKNOWN_CUSTOMER));
        mvc.perform(get(UsageUploadPages.PATH).param("customer", theirs.toString()).with(admin))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTemplateIsACsvWithTheHeaderAndExampleRowsOfOneOfTheMspsCustomers() throws Exception {
        String template = mvc.perform(get(UsageUploadPages.PATH + "/template.csv").with(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"usage-template.csv\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(template.lines()).first().isEqualTo(UsageCsv.HEADER);
        assertThat(template.lines().skip(1)).allMatch(line -> line.startsWith(customer + ","));
    }

    @Test
    void theUploadPageOffersTheTemplateAndTellsTheLimits() throws Exception {
        mvc.perform(get(UsageUploadPages.PATH).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("at most 10,000 rows and 4 MB")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/usage/upload/template.csv")));
    }

    private ResultActions upload(byte[] content) throws Exception {
        return mvc.perform(multipart(UsageUploadPages.PATH).file(csv(content)).with(csrf()).with(admin));
    }

    private static MockMultipartFile csv(byte[] content) {
        return new MockMultipartFile("file", "usage.csv", "text/csv", content);
    }

    private static UsageUpload.Outcome uploaded(ResultActions upload) throws Exception {
        MvcResult result = upload.andExpect(redirectedUrl(UsageUploadPages.PATH)).andReturn();
        return (UsageUpload.Outcome) result.getFlashMap().get("outcome");
    }

    private static UploadRefused refused(ResultActions upload) throws Exception {
        MvcResult result = upload.andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("upload-refusal");
        return (UploadRefused) result.getModelAndView().getModel().get("refusal");
    }

    private long recordsStored() {
        return jdbc.sql("SELECT COUNT(*) FROM usage_record WHERE customer_id = :customer").param("customer", customer)
                .query(Long.class).single();
    }

    private long uploadsAudited() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE provider_id = :provider AND action = 'usage.uploaded'")
                .param("provider", provider).query(Long.class).single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withBom(String text) {
        byte[] content = bytes(text);
        byte[] file = new byte[BOM.length + content.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(content, 0, file, BOM.length, content.length);
        return file;
    }
}
