package org.mspportal;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Reading mail as a person does on the development mailbox's pages, in Chromium: opening the newest
 * mail to someone and following its links. Mails carry the configured base URL, so a link is
 * followed by its path on the test's own port.
 */
public record DevMailboxReader(JdbcClient jdbc, int port) {

    /**
     * Opens the newest mail to the recipient whose subject starts so. Other tests share the
     * database, so the mail may be pages back: its id is looked up, and the mailbox's own page for
     * it is opened, as a person following the list would reach it.
     */
    public void open(Page page, String recipient, String subject) {
        long id = jdbc.sql("""
                SELECT id FROM outbound_email WHERE recipient = :recipient AND subject LIKE :subject
                 ORDER BY id DESC LIMIT 1""")
                .param("recipient", recipient)
                .param("subject", subject + "%")
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new AssertionError("No mail \"" + subject + "\" to " + recipient));
        page.navigate(Chromium.baseUrl(port) + "/dev/mailbox");
        Locator listed = page.locator(".mailbox a[href$='/dev/mailbox/" + id + "']");
        if (listed.count() > 0) {
            listed.first().click();
        } else {
            page.navigate(Chromium.baseUrl(port) + "/dev/mailbox/" + id);
        }
        assertThat(page.locator(".mail-text")).isVisible();
    }

    /** Follows the open mail's first link whose address contains {@code part}. */
    public void follow(Page page, String part) {
        String link = page.locator(".mail-text a").filter(new Locator.FilterOptions().setHasText(part))
                .first().getAttribute("href");
        page.navigate(Chromium.baseUrl(port) + URI.create(link).getRawPath());
    }

    /** The first match of {@code pattern}'s group 1 in the open mail's text. */
    public String find(Page page, Pattern pattern) {
        String text = page.locator(".mail-text").innerText();
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("Nothing like " + pattern + " in:\n" + text);
        }
        return matcher.group(1);
    }
}
