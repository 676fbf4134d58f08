package org.mspportal.notifications;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Lists and shows the outbox, for the embedded default where no mail server is configured. */
@Controller
@ConditionalOnDevMailbox
class DevMailboxPages {

    static final String PATH = "/dev/mailbox";
    private static final int PAGE_SIZE = 25;

    /**
     * The HTML part is shown in its own document, sandboxed: mail HTML relies on inline styles,
     * which the portal's own policy forbids, and must never run script in the portal's origin.
     */
    private static final String MAIL_HTML_POLICY =
            "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    private final OutboundEmails outbox;

    DevMailboxPages(OutboundEmails outbox) {
        this.outbox = outbox;
    }

    @GetMapping(PATH)
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        long total = outbox.count();
        List<OutboundEmail> mails = outbox.newest(current * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("mails", mails);
        model.addAttribute("page", current);
        model.addAttribute("total", total);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
        return "notifications/dev-mailbox";
    }

    @GetMapping(PATH + "/{id}")
    String show(@PathVariable long id, Model model) {
        OutboundEmail mail = outbox.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("mail", mail);
        model.addAttribute("text", MailText.segments(mail.textBody()));
        return "notifications/dev-mailbox-message";
    }

    @GetMapping(PATH + "/{id}/html")
    ResponseEntity<String> html(@PathVariable long id) {
        OutboundEmail mail = outbox.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", MAIL_HTML_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(mail.htmlBody());
    }
}
