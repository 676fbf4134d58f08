package org.mspportal.audit;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestPrincipals;
import org.mspportal.shared.Auditable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mspportal.TestPrincipals.signedInAs;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DatabaseTest
@AutoConfigureMockMvc
class AuditPagesTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationEventPublisher events;
    @Autowired AuditLog auditLog;

    private final UUID provider = UUID.randomUUID();
    private final TestPrincipals.Admin admin = TestPrincipals.adminOf(provider);

    @Test
    void needsSigningIn() throws Exception {
        mvc.perform(get("/audit")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/sign-in"));
    }

    @Test
    void listsTheMspsEntriesAndNotOthers() throws Exception {
        events.publishEvent(new CustomerNoted(provider, "ours-株式会社"));
        events.publishEvent(new CustomerNoted(UUID.randomUUID(), "theirs"));

        mvc.perform(get("/audit").with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ours-株式会社")))
                .andExpect(content().string(not(containsString("theirs"))));
    }

    @Test
    void showsAnEmptyStateWhenNothingMatches() throws Exception {
        mvc.perform(get("/audit").param("action", "nothing.like-this").with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No audit entries match")));
    }

    @Test
    void exportsCsvWithFormulaCellsDefused() throws Exception {
        events.publishEvent(new CustomerNoted(provider, "=HYPERLINK(\"http://evil\")"));

        String csv = mvc.perform(get("/audit/export.csv").with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv).startsWith("time_utc,actor,address,action,object_type,object_id,summary,details");
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
    }

    @Test
    void anExportIsItselfAudited() throws Exception {
        mvc.perform(get("/audit/export.csv").param("actor", "someone").with(signedInAs(admin)))
                .andExpect(status().isOk());

        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, java.util.List.of()));
        try {
            var entries = auditLog.search(AuditQuery.everything(), PageRequest.of(0, 10)).getContent();
            assertThat(entries).extracting(AuditEntry::action).containsExactly("audit-log.exported");
            assertThat(entries.get(0).actor()).isEqualTo(admin.email());
            assertThat(entries.get(0).details()).contains("\"actor\":\"someone\"");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anEntryOfTheMspOpensWithItsDetails() throws Exception {
        events.publishEvent(new CustomerNoted(provider, "ours-detail"));
        long id = newestEntryIdOf(provider);

        mvc.perform(get("/audit/" + id).with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ours-detail")));
        mvc.perform(get("/api/v1/audit-entries/" + id).with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"summary\":\"ours-detail\"")));
    }

    @Test
    void anotherMspsEntryIsNotFoundThroughPageAndApi() throws Exception {
        UUID otherProvider = UUID.randomUUID();
        events.publishEvent(new CustomerNoted(otherProvider, "theirs-detail"));
        long theirs = newestEntryIdOf(otherProvider);

        mvc.perform(get("/audit/" + theirs).with(signedInAs(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("theirs-detail"))));
        mvc.perform(get("/api/v1/audit-entries/" + theirs).with(signedInAs(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(not(containsString("theirs-detail"))));
    }

    @Test
    void theApiListsOnlyTheMspsEntries() throws Exception {
        events.publishEvent(new CustomerNoted(provider, "ours-listed"));
        events.publishEvent(new CustomerNoted(UUID.randomUUID(), "theirs-listed"));

        mvc.perform(get("/api/v1/audit-entries").with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ours-listed")))
                .andExpect(content().string(not(containsString("theirs-listed"))));
    }

    @Test
    void aLongLogIsPagedAndThePagerKeepsTheFilters() throws Exception {
        for (int i = 0; i < 51; i++) {
            events.publishEvent(new CustomerNoted(provider, "paged-" + i));
        }

        mvc.perform(get("/audit").param("action", "customer.").with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 1 of 2")))
                .andExpect(content().string(containsString("href=\"/audit?action=customer.&amp;page=1\"")));
        mvc.perform(get("/audit").param("action", "customer.").param("page", "1").with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 2 of 2")));
    }

    private long newestEntryIdOf(UUID providerId) {
        var owner = TestPrincipals.adminOf(providerId);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(owner, null, java.util.List.of()));
        try {
            return auditLog.search(AuditQuery.everything(), PageRequest.of(0, 1)).getContent().get(0).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    record CustomerNoted(UUID provider, String name) implements Auditable {

        @Override
        public String action() {
            return "customer.noted";
        }

        @Override
        public String objectType() {
            return "customer";
        }

        @Override
        public String objectId() {
            return name;
        }

        @Override
        public Optional<UUID> providerId() {
            return Optional.of(provider);
        }

        @Override
        public String summary() {
            return name;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of();
        }
    }
}
