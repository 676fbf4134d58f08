package org.mspportal.audit;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestPrincipals;
import org.mspportal.shared.Auditable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DatabaseTest
class AuditLogTests {

    @Autowired ApplicationEventPublisher events;
    @Autowired AuditLog auditLog;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    private final UUID provider = UUID.randomUUID();
    private final TestPrincipals.Admin admin = TestPrincipals.adminOf(provider);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void recordsWhoDidWhatWhenFromWhereOnWhichObject() {
        signIn(admin, "198.51.100.23");

        events.publishEvent(new PlanRenamed(provider, "plan-1", "Gold", "Gold ✨"));

        AuditEntry entry = onlyEntryOf(provider);
        assertThat(entry.actor()).isEqualTo(admin.email());
        assertThat(entry.actorAddress()).contains("198.51.100.23");
        assertThat(entry.action()).isEqualTo("service-plan.renamed");
        assertThat(entry.objectType()).isEqualTo("service-plan");
        assertThat(entry.objectId()).isEqualTo("plan-1");
        assertThat(entry.occurredAt()).isNotNull();
        assertThat(entry.details()).contains("\"before\":\"Gold\"").contains("\"after\":\"Gold ✨\"");
    }

    @Test
    void anActionWithoutASignedInPersonIsRecordedAsTheSystem() {
        RequestContextHolder.resetRequestAttributes(); // as in a scheduled job: no request at hand
        events.publishEvent(new PlanRenamed(provider, "plan-2", "a", "b"));

        signIn(admin, "127.0.0.1");
        assertThat(onlyEntryOf(provider).actor()).isEqualTo(AuditRecorder.SYSTEM_ACTOR);
        assertThat(onlyEntryOf(provider).actorAddress()).isEmpty();
    }

    @Test
    void aRolledBackChangeLeavesNoAuditEntry() {
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new PlanRenamed(provider, "plan-3", "a", "b"));
            status.setRollbackOnly();
        });

        signIn(admin, "127.0.0.1");
        assertThat(auditLog.search(AuditQuery.everything(), PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void anAdministratorSeesOnlyTheirOwnMspsEntries() {
        UUID otherProvider = UUID.randomUUID();
        events.publishEvent(new PlanRenamed(otherProvider, "their-plan", "a", "b"));
        events.publishEvent(new PlanRenamed(provider, "our-plan", "a", "b"));

        signIn(admin, "127.0.0.1");
        assertThat(auditLog.search(AuditQuery.everything(), PageRequest.of(0, 10)))
                .extracting(AuditEntry::objectId).containsExactly("our-plan");
        assertThat(auditLog.search(new AuditQuery(null, null, null, "their-plan", null, null), PageRequest.of(0, 10)))
                .isEmpty();
    }

    @Test
    void filtersByActionPrefixAndActor() {
        signIn(admin, "127.0.0.1");
        events.publishEvent(new PlanRenamed(provider, "p", "a", "b"));
        events.publishEvent(new AuditLogExported(Optional.of(provider), AuditQuery.everything()));

        assertThat(auditLog.search(new AuditQuery(null, "service-plan.", null, null, null, null), PageRequest.of(0, 10)))
                .extracting(AuditEntry::action).containsExactly("service-plan.renamed");
        assertThat(auditLog.search(new AuditQuery("nobody-like-this", null, null, null, null, null), PageRequest.of(0, 10)))
                .isEmpty();
        assertThat(auditLog.search(new AuditQuery(admin.email().toUpperCase(), null, null, null, null, null),
                PageRequest.of(0, 10))).hasSize(2);
    }

    @Test
    void theDatabaseRefusesToUpdateAnEntry() {
        events.publishEvent(new PlanRenamed(provider, "plan-4", "a", "b"));

        assertThatException().isThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'someone else' WHERE provider_id = :p")
                .param("p", provider).update());

        signIn(admin, "127.0.0.1");
        assertThat(onlyEntryOf(provider).actor()).isEqualTo(AuditRecorder.SYSTEM_ACTOR);
    }

    @Test
    void theDatabaseRefusesToDeleteAnEntry() {
        events.publishEvent(new PlanRenamed(provider, "plan-5", "a", "b"));

        assertThatException().isThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE provider_id = :p")
                .param("p", provider).update());

        signIn(admin, "127.0.0.1");
        assertThat(onlyEntryOf(provider).objectId()).isEqualTo("plan-5");
    }

    @Test
    void postgresqlRefusesToTruncateTheLog() {
        String database = jdbc.sql("SELECT 1").query((rs, row) -> rs.getStatement().getConnection()
                .getMetaData().getDatabaseProductName()).single();
        assumeTrue("PostgreSQL".equals(database), "TRUNCATE triggers exist in PostgreSQL only");
        events.publishEvent(new PlanRenamed(provider, "plan-6", "a", "b"));

        assertThatException().isThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update());

        signIn(admin, "127.0.0.1");
        assertThat(onlyEntryOf(provider).objectId()).isEqualTo("plan-6");
    }

    private AuditEntry onlyEntryOf(UUID providerId) {
        var page = auditLog.search(AuditQuery.everything(), PageRequest.of(0, 10));
        assertThat(page.getContent()).hasSize(1);
        assertThat(page.getContent().get(0).providerId()).contains(providerId);
        return page.getContent().get(0);
    }

    private static void signIn(TestPrincipals.Admin admin, String address) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, java.util.List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    /** An event as a later module would publish it. */
    record PlanRenamed(UUID provider, String planId, String before, String after) implements Auditable {

        @Override
        public String action() {
            return "service-plan.renamed";
        }

        @Override
        public String objectType() {
            return "service-plan";
        }

        @Override
        public String objectId() {
            return planId;
        }

        @Override
        public Optional<UUID> providerId() {
            return Optional.of(provider);
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("before", before, "after", after);
        }
    }
}
