package org.mspportal.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A module's additions to the stateless {@code /api/**} filter chain, such as a filter that
 * authenticates requests by their bearer credentials. The platform applies every contribution and
 * then requires authentication for every API request. Contributions must authenticate from the
 * request's own credentials only: the API chain never reads the browser session, which is why it
 * needs no CSRF protection.
 */
@FunctionalInterface
public interface ApiSecurityContribution {

    void contributeTo(HttpSecurity http) throws Exception;
}
