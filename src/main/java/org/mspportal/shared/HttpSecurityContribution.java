package org.mspportal.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A module's additions to the browser-facing security filter chain, such as the sign-in form or
 * pages reachable without signing in. The platform applies every contribution and then requires
 * authentication for everything else, so it never needs to know a module's URLs.
 */
@FunctionalInterface
public interface HttpSecurityContribution {

    void contributeTo(HttpSecurity http) throws Exception;
}
