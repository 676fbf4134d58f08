package org.mspportal.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks up who may sign in. Until administrator accounts exist (issue 3: onboarding and
 * two-factor sign-in) nobody can, and being a bean here keeps Spring Boot from inventing a
 * default user with a generated password printed to the log.
 */
@Component
class AccountDirectory implements UserDetailsService {

    @Override
    public UserDetails loadUserByUsername(String email) {
        throw new UsernameNotFoundException("No such account");
    }
}
