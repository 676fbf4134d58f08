package org.mspportal.notifications;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With no SMTP host the outbox is readable in the development mailbox, from this machine only. */
@DatabaseTest
@AutoConfigureMockMvc
class DevMailboxPagesTests {

    @Autowired MockMvc mvc;
    @Autowired MailOutbox outbox;

    @Test
    void listsQueuedMailsWithoutSigningIn() throws Exception {
        String recipient = MailDeliveryTests.uniqueRecipient();
        outbox.queue(MailDeliveryTests.notice(recipient));

        mvc.perform(get("/dev/mailbox").with(fromAddress("127.0.0.1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(recipient)));
    }

    @Test
    void showsTheTextOfAMailWithItsLinksClickable() throws Exception {
        long id = outbox.queue(MailDeliveryTests.notice(MailDeliveryTests.uniqueRecipient()));

        mvc.perform(get("/dev/mailbox/{id}", id).with(fromAddress("::1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<a href=\"https://portal.example/activate\"")))
                .andExpect(content().string(containsString("Zoë 山田")));
    }

    @Test
    void servesTheHtmlPartSandboxed() throws Exception {
        long id = outbox.queue(MailDeliveryTests.notice(MailDeliveryTests.uniqueRecipient()));

        mvc.perform(get("/dev/mailbox/{id}/html", id).with(fromAddress("127.0.0.1")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        startsWith("sandbox;")));
    }

    @Test
    void refusesRequestsFromOtherMachines() throws Exception {
        mvc.perform(get("/dev/mailbox").with(fromAddress("203.0.113.7")))
                .andExpect(status().is3xxRedirection());
    }

    /** Behind a reverse proxy on the same machine every request arrives from loopback. */
    @Test
    void refusesRequestsAProxyForwardedFromElsewhere() throws Exception {
        mvc.perform(get("/dev/mailbox").with(fromAddress("127.0.0.1")).header("X-Forwarded-For", "203.0.113.7"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/dev/mailbox").with(fromAddress("127.0.0.1")).header("Forwarded", "for=203.0.113.7"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void unknownMailIsNotFound() throws Exception {
        mvc.perform(get("/dev/mailbox/{id}", Long.MAX_VALUE).with(fromAddress("127.0.0.1")))
                .andExpect(status().isNotFound());
    }

    private static RequestPostProcessor fromAddress(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
