package org.mspportal.identity;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@DatabaseTest
class OperatorBootstrapTests {

    @Autowired OperatorBootstrap bootstrap;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void theFirstStartCreatesTheOperatorAndMailsAnActivationLink() {
        Account operator = accounts.findByEmail("operator@localhost").orElseThrow();

        assertThat(operator.role()).isEqualTo(Role.OPERATOR);
        assertThat(operator.providerId()).isEmpty();
        assertThat(new Mailbox(jdbc).to("operator@localhost"))
                .extracting(Mailbox.Mail::subject).contains("Activate your MSP Portal account");
    }

    @Test
    void laterStartsCreateNoSecondOperator() {
        bootstrap.createFirstOperator();
        bootstrap.createFirstOperator();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE role = 'OPERATOR'").query(Long.class).single())
                .isEqualTo(1);
    }
}
