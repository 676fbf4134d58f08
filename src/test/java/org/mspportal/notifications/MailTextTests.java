package org.mspportal.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailTextTests {

    @Test
    void splitsTextAroundLinks() {
        assertThat(MailText.segments("Open https://portal.example/a?t=1 now.\nThanks"))
                .containsExactly(
                        new MailText("Open ", false),
                        new MailText("https://portal.example/a?t=1", true),
                        new MailText(" now.\nThanks", false));
    }

    @Test
    void textWithoutLinksIsOneSegment() {
        assertThat(MailText.segments("Your code is 123456")).containsExactly(new MailText("Your code is 123456", false));
    }
}
