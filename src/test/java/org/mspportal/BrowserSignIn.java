package org.mspportal;

import java.time.Clock;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An active MSP administrator made in the database, and signing them in through the real pages in Chromium. */
public record BrowserSignIn(JdbcClient jdbc, Clock clock, PasswordEncoder passwords, int port) {

    public static final String PASSWORD = "correct horse battery staple";

    /** A new active MSP administrator of {@code provider}; returns their email. */
    public String administratorOf(UUID provider) {
        String email = "admin-" + UUID.randomUUID() + "@msp.example";
        jdbc.sql("""
                INSERT INTO account (id, provider_id, email, display_name, role, status, password_hash, created_at,
                                     activated_at)
                VALUES (:id, :provider, :email, 'MSP administrator', 'MSP_ADMINISTRATOR', 'ACTIVE', :hash, :now, :now)""")
                .param("id", UUID.randomUUID())
                .param("provider", provider)
                .param("email", email)
                .param("hash", passwords.encode(PASSWORD))
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return email;
    }

    /** A new active platform operator; returns their email. */
    public String operator() {
        String email = "operator-" + UUID.randomUUID() + "@portal.example";
        jdbc.sql("""
                INSERT INTO account (id, provider_id, email, display_name, role, status, password_hash, created_at,
                                     activated_at)
                VALUES (:id, NULL, :email, 'Operator', 'OPERATOR', 'ACTIVE', :hash, :now, :now)""")
                .param("id", UUID.randomUUID())
                .param("email", email)
                .param("hash", passwords.encode(PASSWORD))
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return email;
    }

    /** Email, password and the mailed code, as a person signs in; ends on the home page. */
    public void signIn(Page page, String email) {
        page.navigate(Chromium.baseUrl(port) + "/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        page.getByLabel("Verification code").fill(new Mailbox(jdbc).latestCodeTo(email));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(page).hasURL(Chromium.baseUrl(port) + "/");
    }

    /** A new MSP administrator of {@code provider}, signed in on {@code page}. */
    public void asNewAdministratorOf(UUID provider, Page page) {
        signIn(page, administratorOf(provider));
    }
}
