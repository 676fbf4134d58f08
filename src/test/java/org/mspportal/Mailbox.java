package org.mspportal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the portal mailed, read from its outbox as the development mailbox does: the tests' way to
 * receive activation links and sign-in codes without a mail server.
 */
public final class Mailbox {

    private static final Pattern CODE = Pattern.compile("(?m)^\\s+(\\d{6})\\s*$");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/(activate|reset-password)/([A-Za-z0-9_-]+)");

    private final JdbcClient jdbc;

    public Mailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Mail(String subject, String text) {
    }

    public List<Mail> to(String recipient) {
        return jdbc.sql("SELECT subject, text_body FROM outbound_email WHERE recipient = :to ORDER BY id")
                .param("to", recipient)
                .query((rs, n) -> new Mail(rs.getString("subject"), rs.getString("text_body")))
                .list();
    }

    public Mail latestTo(String recipient) {
        List<Mail> mails = to(recipient);
        if (mails.isEmpty()) {
            throw new AssertionError("No mail to " + recipient);
        }
        return mails.get(mails.size() - 1);
    }

    /** The six-digit sign-in code of the latest mail to the recipient. */
    public String latestCodeTo(String recipient) {
        return find(CODE, latestTo(recipient).text(), 1);
    }

    /** The token of the latest activation or reset link mailed to the recipient. */
    public String latestLinkTokenTo(String recipient) {
        return find(LINK, latestTo(recipient).text(), 2);
    }

    /** The path of the latest activation or reset link, e.g. {@code /activate/abc}. */
    public String latestLinkPathTo(String recipient) {
        Matcher link = LINK.matcher(latestTo(recipient).text());
        if (!link.find()) {
            throw new AssertionError("No link in the latest mail to " + recipient);
        }
        return "/" + link.group(1) + "/" + link.group(2);
    }

    private static String find(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("Nothing like " + pattern + " in:\n" + text);
        }
        return matcher.group(group);
    }
}
