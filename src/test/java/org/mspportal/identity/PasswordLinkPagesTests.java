package org.mspportal.identity;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.PortalClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages behind emailed links, over real HTTP as a mail scanner and a person reach them. */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class PasswordLinkPagesTests {

    static final String NEW_PASSWORD = "violet tram under seven quiet hills";

    @Autowired AdministratorManagement administrators;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void openingAnActivationLinkChangesNothingAndOnlyThePostFromItsFormActivates() {
        Administrator invited = invitedAdministrator();
        String link = new Mailbox(jdbc).latestLinkPathTo(invited.email());

        PortalClient.Page scanned = new PortalClient(port).get(link);
        PortalClient person = new PortalClient(port);
        PortalClient.Page opened = person.get(link);

        assertThat(scanned.status()).isEqualTo(200);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("Activate your account", invited.email());
        assertThat(statusOf(invited)).as("opening the link twice changed nothing").isEqualTo(AccountStatus.INVITED);
        assertThat(unusedLinksOf(invited)).as("the link is still usable").isEqualTo(1);

        PortalClient.Page activated = person.post(link, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD);

        assertThat(activated.redirectsTo("/sign-in?activated")).isTrue();
        assertThat(statusOf(invited)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(unusedLinksOf(invited)).isZero();
    }

    private Administrator invitedAdministrator() {
        TestAccounts.actAs(testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR));
        try {
            return administrators.invite("invited-" + UUID.randomUUID() + "@msp.example", Role.MSP_ADMINISTRATOR);
        } finally {
            TestAccounts.actAsNobody();
        }
    }

    private AccountStatus statusOf(Administrator administrator) {
        return jdbc.sql("SELECT status FROM account WHERE id = :id").param("id", administrator.id())
                .query(String.class).optional().map(AccountStatus::valueOf).orElseThrow();
    }

    private long unusedLinksOf(Administrator administrator) {
        return jdbc.sql("SELECT COUNT(*) FROM account_token WHERE account_id = :id AND used_at IS NULL")
                .param("id", administrator.id()).query(Long.class).single();
    }
}
