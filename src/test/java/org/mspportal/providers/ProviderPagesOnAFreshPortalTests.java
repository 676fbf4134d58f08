package org.mspportal.providers;

import org.junit.jupiter.api.Test;
import org.mspportal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mspportal.providers.TestOperator.OPERATOR;
import static org.mspportal.providers.TestOperator.signedInAs;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The MSP list of a portal nobody has onboarded an MSP on yet. The other tests share one database
 * full of MSPs, so this one gets its own, empty one (on H2 only: it checks a page, not SQL).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:fresh-portal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
@AutoConfigureMockMvc
class ProviderPagesOnAFreshPortalTests {

    @Autowired MockMvc mvc;

    @Test
    void theEmptyListInvitesTheOperatorToOnboardTheFirstMsp() throws Exception {
        mvc.perform(get("/providers").with(signedInAs(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No MSPs yet"),
                        containsString("Onboard your first MSP"), containsString("href=\"/providers/new\""),
                        not(containsString("role=\"search\"")))));
    }
}
