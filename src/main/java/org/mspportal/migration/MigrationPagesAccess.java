package org.mspportal.migration;

import org.mspportal.shared.HttpSecurityContribution;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * The approval link's page is for the customer's cloud administrator, who has no account: public,
 * and it shows that one request only. Source accounts are the platform operator's pages.
 */
@Component
class MigrationPagesAccess implements HttpSecurityContribution {

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(ApprovalPages.PATH + "/**").permitAll()
                .requestMatchers(SourceAccountPages.PATH, SourceAccountPages.PATH + "/**").hasRole("OPERATOR"));
    }
}
