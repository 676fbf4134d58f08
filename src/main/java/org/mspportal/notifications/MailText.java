package org.mspportal.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a plain-text mail into text and links, so the dev mailbox can make links clickable. */
record MailText(String text, boolean link) {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    static List<MailText> segments(String body) {
        List<MailText> segments = new ArrayList<>();
        Matcher matcher = LINK.matcher(body);
        int start = 0;
        while (matcher.find()) {
            if (matcher.start() > start) {
                segments.add(new MailText(body.substring(start, matcher.start()), false));
            }
            segments.add(new MailText(matcher.group(), true));
            start = matcher.end();
        }
        if (start < body.length()) {
            segments.add(new MailText(body.substring(start), false));
        }
        return segments;
    }
}
