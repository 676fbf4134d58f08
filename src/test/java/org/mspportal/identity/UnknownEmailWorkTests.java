package org.mspportal.identity;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unknown email must cost what a known one costs, or response times would tell which emails
 * have accounts. The cost is the Argon2 verification, so this counts them (timing itself belongs
 * in a benchmark, not a test): the real encoder runs, and every call is counted.
 */
@DatabaseTest
@Import({TestAccounts.class, UnknownEmailWorkTests.CountingEncoder.class})
class UnknownEmailWorkTests {

    @Autowired SignIn signIn;
    @Autowired TestAccounts testAccounts;
    @Autowired CountingEncoder.Counter verifications;

    @Test
    void anUnknownEmailCostsOnePasswordVerificationLikeAKnownOne() {
        Account admin = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);

        int known = verificationsDuring(() -> signIn.checkPassword(admin.email(), "not the password"));
        int unknown = verificationsDuring(() -> signIn.checkPassword("nobody-" + UUID.randomUUID() + "@msp.example",
                "not the password"));

        assertThat(known).isEqualTo(1);
        assertThat(unknown).isEqualTo(known);
    }

    @Test
    void aDeactivatedOrLockedAccountCostsTheSameToo() {
        Account admin = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
        for (int i = 0; i < 5; i++) {
            signIn.checkPassword(admin.email(), "not the password " + i);
        }

        assertThat(verificationsDuring(() -> signIn.checkPassword(admin.email(), TestAccounts.PASSWORD)))
                .isEqualTo(1);
    }

    private int verificationsDuring(Runnable step) {
        int before = verifications.count.get();
        step.run();
        return verifications.count.get() - before;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountingEncoder {

        static class Counter {
            final AtomicInteger count = new AtomicInteger();
        }

        @Bean
        Counter verificationCounter() {
            return new Counter();
        }

        @Bean
        @Primary
        PasswordEncoder countingPasswordEncoder(Counter counter) {
            PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
            return new PasswordEncoder() {
                @Override
                public String encode(CharSequence rawPassword) {
                    return argon2.encode(rawPassword);
                }

                @Override
                public boolean matches(CharSequence rawPassword, String encodedPassword) {
                    counter.count.incrementAndGet();
                    return argon2.matches(rawPassword, encodedPassword);
                }
            };
        }
    }
}
