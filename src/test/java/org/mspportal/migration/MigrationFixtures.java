package org.mspportal.migration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mspportal.Mailbox;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * An operator, an MSP with two active MSP administrators (the second handles migrations) and a
 * plan covering every workload, and source accounts to migrate into it; the steps of a migration
 * as each person takes them, the tokens read from the mails as a person would.
 */
final class MigrationFixtures {

    static final SignedInAdministrator OPERATOR = new SignedInAdministrator(UUID.randomUUID(),
            "operator@portal.example", "Operator", null, Role.OPERATOR);
    private static final Pattern APPROVAL_LINK = Pattern.compile("/migration-approval/([A-Za-z0-9_-]+)");
    private static final Pattern VERIFICATION_TOKEN = Pattern.compile("(?m)^\\s{4}([A-Za-z0-9_-]{43})\\s*$");

    final UUID provider;
    final SignedInAdministrator admin;
    final SignedInAdministrator handler;
    final UUID everyWorkloadPlan;
    final Mailbox mailbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SourceAccountManagement sources;
    private final MigrationManagement migrations;
    private final ServicePlanManagement plans;

    MigrationFixtures(JdbcClient jdbc, Clock clock, SourceAccountManagement sources, MigrationManagement migrations,
            ServicePlanManagement plans) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sources = sources;
        this.migrations = migrations;
        this.plans = plans;
        this.mailbox = new Mailbox(jdbc);
        TestMsps msps = new TestMsps(jdbc, clock);
        provider = msps.provider();
        admin = activeAdministrator(msps, provider);
        handler = activeAdministrator(msps, provider);
        TestMsps.actAs(admin);
        try {
            everyWorkloadPlan = plans.create(new CreateServicePlan("Everything " + UUID.randomUUID(), Edition.ENTERPRISE,
                    UsageReportFrequency.MONTHLY, EnumSet.allOf(Workload.class))).id();
        } finally {
            TestMsps.actAsNobody();
        }
    }

    SignedInAdministrator activeAdministrator(TestMsps msps, UUID providerId) {
        SignedInAdministrator administrator = msps.stored(providerId, Role.MSP_ADMINISTRATOR);
        jdbc.sql("UPDATE account SET status = 'ACTIVE' WHERE id = :id").param("id", administrator.accountId()).update();
        return administrator;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** An account with an Enterprise hybrid tenant (VMware, NAS) and Microsoft 365. */
    UUID hybridAccount(String name, List<PastUsage> usage) {
        return register(new RegisterSourceAccount(name, "cloud-admin@customer.example", Edition.ENTERPRISE,
                EnumSet.of(Workload.VMWARE, Workload.NAS), today().plusYears(1), today().plusMonths(6), null, null,
                usage));
    }

    /** An account with Microsoft 365 and Endpoints only. */
    UUID saasAccount(String name, List<PastUsage> usage) {
        return register(new RegisterSourceAccount(name, "cloud-admin@customer.example", null, Set.of(), null,
                today().plusYears(2), null, today().plusYears(5), usage));
    }

    UUID register(RegisterSourceAccount command) {
        return asOperator(() -> sources.register(command).id());
    }

    Migration raised(UUID account) {
        return asOperator(() -> migrations.raise(account, provider));
    }

    /** Raised and nominated: the approval token from the cloud administrator's mail. */
    String nominated(UUID migration) {
        TestMsps.actAs(admin);
        try {
            migrations.nominate(migration, new Nomination("cloud-admin@customer.example", handler.accountId(), null));
        } finally {
            TestMsps.actAsNobody();
        }
        return approvalToken();
    }

    /** Raised, nominated and approved: the verification token from the handler's mail. */
    String approved(UUID migration) {
        migrations.approve(nominated(migration));
        return verificationToken();
    }

    Migration verified(UUID migration, String token) {
        TestMsps.actAs(handler);
        try {
            return migrations.verify(migration, verification(token));
        } finally {
            TestMsps.actAsNobody();
        }
    }

    Verification verification(String token) {
        return new Verification(token, everyWorkloadPlan, "us-east-1", new BigDecimal("100"));
    }

    String approvalToken() {
        Matcher link = APPROVAL_LINK.matcher(mailbox.latestTo("cloud-admin@customer.example").text());
        if (!link.find()) {
            throw new AssertionError("No approval link mailed");
        }
        return link.group(1);
    }

    String verificationToken() {
        Matcher token = VERIFICATION_TOKEN.matcher(mailbox.latestTo(handler.email()).text());
        if (!token.find()) {
            throw new AssertionError("No verification token mailed");
        }
        return token.group(1);
    }

    /** A MockMvc request signed in as the administrator. */
    static RequestPostProcessor signedIn(SignedInAdministrator administrator) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(administrator, null,
                List.of(new SimpleGrantedAuthority(administrator.role().authority()))));
    }

    static <T> T asOperator(java.util.function.Supplier<T> work) {
        TestMsps.actAs(OPERATOR);
        try {
            return work.get();
        } finally {
            TestMsps.actAsNobody();
        }
    }

    <T> T as(SignedInAdministrator administrator, java.util.function.Supplier<T> work) {
        TestMsps.actAs(administrator);
        try {
            return work.get();
        } finally {
            TestMsps.actAsNobody();
        }
    }

    static PastUsage credits(Workload workload, LocalDate day, String credits) {
        return new PastUsage(workload, day, new BigDecimal(credits), null);
    }
}
