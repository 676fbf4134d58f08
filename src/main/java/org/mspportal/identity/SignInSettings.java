package org.mspportal.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in rules an installation may tune ({@code portal.sign-in.*}).
 *
 * @param operatorEmail the platform operator created at first start when there is none
 * @param activationLinkValidity how long an activation link works
 * @param passwordResetLinkValidity how long a password-reset link works
 * @param codeValidity how long an emailed sign-in code works
 * @param codeResendInterval the least time between two codes for one sign-in
 * @param maxCodeFailures wrong codes (emailed or authenticator) after which the sign-in starts over
 * @param maxPasswordFailures wrong passwords within {@code passwordFailureWindow} that lock the account
 * @param triesPerMinute tries of each sign-in step allowed per client address and per account
 *     in a minute, in each instance
 * @param sessionLifetime the absolute limit of a session, however active (the idle limit is
 *     {@code server.servlet.session.timeout})
 */
@ConfigurationProperties("portal.sign-in")
record SignInSettings(
        @DefaultValue("operator@localhost") String operatorEmail,
        @DefaultValue("72h") Duration activationLinkValidity,
        @DefaultValue("1h") Duration passwordResetLinkValidity,
        @DefaultValue("10m") Duration codeValidity,
        @DefaultValue("30s") Duration codeResendInterval,
        @DefaultValue("5") int maxCodeFailures,
        @DefaultValue("5") int maxPasswordFailures,
        @DefaultValue("15m") Duration passwordFailureWindow,
        @DefaultValue("20") int triesPerMinute,
        @DefaultValue("12h") Duration sessionLifetime) {
}
