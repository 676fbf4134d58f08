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
