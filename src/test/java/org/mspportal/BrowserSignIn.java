package org.mspportal;

import java.time.Clock;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * For browser tests of an MSP's pages: an active MSP administrator with a password, made directly
 * in the database, who signs in through the real three steps with the code from the outbox.
 */
public final class BrowserSignIn {

    private static final String PASSWORD = "correct horse battery staple";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final int port;

    public BrowserSignIn(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, int port) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.port = port;
    }

    /** A new MSP administrator of {@code provider}; returns the email to sign in with. */
    public String administratorOf(UUID provider) {
        String email = "browser-" + UUID.randomUUID() + "@msp.example";
        jdbc.sql("""
                INSERT INTO account (id, provider_id, email, display_name, role, status, password_hash, created_at,
                                     activated_at)
                VALUES (:id, :provider, :email, 'Browser administrator', 'MSP_ADMINISTRATOR', 'ACTIVE', :hash, :now,
                        :now)""")
                .param("id", UUID.randomUUID())
                .param("provider", provider)
                .param("email", email)
                .param("hash", passwords.encode(PASSWORD))
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return email;
    }

    /** Signs in as {@code email} and waits for the home page. */
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
