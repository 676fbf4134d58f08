package org.mspportal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mspportal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Demo mode started as a person starts it (the {@code demo} profile, embedded H2, here in memory
 * and of its own): what it fills, what it prints, and that a second start adds nothing.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:portal-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "demo"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@Import(TestClock.Configuration.class)
class DemoDataTests {

    /** The banner of the start, read once: later tests' output no longer has it. */
    private static String banner;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired DemoData demo;

    @Test
    void theFirstStartMakesTheDemoMspWithTwoHundredCustomersNamedInManyScripts(CapturedOutput output) {
        List<String> names = jdbc.sql("SELECT account_name FROM customer WHERE provider_id = :msp AND tenant_type <> 'SANDBOX'")
                .param("msp", demoMsp()).query(String.class).list();

        assertThat(names).hasSize(200).doesNotHaveDuplicates();
        assertThat(names).anyMatch(name -> name.startsWith("株式会社"))
                .anyMatch(name -> name.startsWith("شركة"))
                .anyMatch(name -> name.startsWith("ООО «"))
                .anyMatch(name -> name.matches(".*[éèüöåøłñçšž].*"))
                .anyMatch(name -> name.codePoints().anyMatch(point -> point > 0xFFFF));
        assertThat(count("status = 'SUSPENDED'")).isEqualTo(1);
        assertThat(count("tenant_type = 'EVALUATION'")).isEqualTo(20);
        LocalDate today = LocalDate.now(clock);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM customer WHERE provider_id = :msp AND licence_expiry_date > :today
                   AND licence_expiry_date <= :soon""").param("msp", demoMsp()).param("today", today)
                .param("soon", today.plusDays(30)).query(Long.class).single()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theDemoHasAYearOfUsageAndThePrintedApiKeyReadsItsReport(CapturedOutput output) throws Exception {
        LocalDate today = LocalDate.now(clock);
        assertThat(jdbc.sql("SELECT MIN(usage_date) FROM usage_daily").query(LocalDate.class).single())
                .isEqualTo(today.minusDays(DemoData.DAYS - 1));

        mvc.perform(get("/api/v1/reports/global-usage")
                        .param("from", today.minusDays(DemoData.DAYS - 1).toString()).param("to", today.toString())
                        .header("Authorization", "Bearer " + printed(output, "(msp_[A-Za-z0-9_-]+)")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCredits", greaterThan(1000.0)))
                .andExpect(jsonPath("$.customers", hasSize(201)));
    }

    @Test
    void thePrintedPasswordIsTheDemoAdministratorsAndNeedsNoAuthenticatorApp(CapturedOutput output) {
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE email = :email AND status = 'ACTIVE'")
                .param("email", DemoData.ADMIN_EMAIL).query(String.class).single();

        assertThat(passwords.matches(printed(output, "Password +(\\S+)"), hash)).isTrue();
        assertThat(jdbc.sql("SELECT require_authenticator FROM provider WHERE id = :msp").param("msp", demoMsp())
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void aSecondStartAddsNothing() {
        long records = jdbc.sql("SELECT COUNT(*) FROM usage_record").query(Long.class).single();

        assertThat(demo.fill()).isEmpty();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM provider").query(Long.class).single()).isEqualTo(1);
        assertThat(count("tenant_type <> 'SANDBOX'")).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM usage_record").query(Long.class).single()).isEqualTo(records);
    }

    @Test
    void demoModeRefusesADatabaseOtherThanH2UnlessForced() {
        assertThatThrownBy(() -> DemoData.refuseUnlessEmbedded("jdbc:postgresql://db:5432/portal?password=s3cret", false))
                .hasMessageContaining("this is postgresql").hasMessageNotContaining("s3cret");
        DemoData.refuseUnlessEmbedded("jdbc:postgresql://db:5432/portal", true);
        DemoData.refuseUnlessEmbedded("jdbc:h2:file:./data/mspportal", false);
    }

    private UUID demoMsp() {
        return jdbc.sql("SELECT id FROM provider WHERE name = :name").param("name", DemoData.MSP_NAME)
                .query(UUID.class).single();
    }

    private long count(String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE provider_id = :msp AND " + condition)
                .param("msp", demoMsp()).query(Long.class).single();
    }

    private static synchronized String printed(CapturedOutput output, String pattern) {
        if (banner == null) {
            String all = output.getAll();
            banner = all.substring(all.indexOf("Demo mode: demo data created"));
        }
        Matcher matcher = Pattern.compile(pattern).matcher(banner);
        assertThat(matcher.find()).as("the banner shows %s", pattern).isTrue();
        return matcher.group(1);
    }
}
