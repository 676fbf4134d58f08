package org.mspportal.platform;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestPrincipals;
import org.mspportal.shared.PortalPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mspportal.TestPrincipals.signedInAs;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The shell every module stands on: public and protected pages, headers, API errors, health. */
@DatabaseTest
@AutoConfigureMockMvc
class WebShellTests {

    @Autowired MockMvc mvc;

    @Test
    void theSignInPageIsPublic() throws Exception {
        mvc.perform(get("/sign-in"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign in to MSP Portal")));
    }

    @Test
    void everyOtherPageNeedsSigningIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sign-in"));
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/sign-in"))
                .andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("base-uri 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    /** The session cookie's flags are proven in {@code SignInPagesTests}. */
    @Test
    void apiAnswersCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/api/v1/customers"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("base-uri 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void httpsResponsesCarryHsts() throws Exception {
        mvc.perform(get("/sign-in").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/sign-in").param("email", "a@b.example").param("password", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theNavigationShowsTheContributedSections() throws Exception {
        mvc.perform(get("/").with(signedInAs(TestPrincipals.adminOf(UUID.randomUUID()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/audit\"")));
    }

    @Test
    void theLayoutMarksTheCurrentSectionAndShowsWhoIsSignedIn() throws Exception {
        PortalPrincipal admin = TestPrincipals.adminOf(UUID.randomUUID());
        MvcResult page = mvc.perform(get("/reports").with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("signedIn", true))
                .andExpect(content().string(containsString("with-sections")))
                .andExpect(content().string(containsString(">" + admin.email() + "</span>")))
                .andReturn();
        @SuppressWarnings("unchecked")
        List<LayoutModel.NavigationLink> links = (List<LayoutModel.NavigationLink>) page.getModelAndView().getModel()
                .get("navigation");
        assertThat(links).filteredOn(LayoutModel.NavigationLink::active)
                .extracting(LayoutModel.NavigationLink::path).containsExactly("/reports");
        assertThat(page.getResponse().getContentAsString()).containsOnlyOnce("aria-current=\"page\"");
    }

    @Test
    void aSignInPageHasNoSectionsToOffer() throws Exception {
        mvc.perform(get("/sign-in"))
                .andExpect(model().attribute("signedIn", false))
                .andExpect(model().attribute("navigation", List.of()))
                .andExpect(content().string(not(containsString("with-sections"))));
    }

    /** The layout's model costs a query (the badges): only a page rendered whole needs it. */
    @Test
    void onlyAWholePageGetsTheLayoutsModel() {
        assertThat(LayoutModel.rendersWholePage("customers/customers")).isTrue();
        assertThat(LayoutModel.rendersWholePage("redirect:/customers")).isFalse();
        assertThat(LayoutModel.rendersWholePage("forward:/customers")).isFalse();
        assertThat(LayoutModel.rendersWholePage("customers/customers :: #customer-results")).isFalse();
        assertThat(LayoutModel.rendersWholePage(null)).isFalse();
    }

    @Test
    void anUnknownApiPathIsAProblemDocument() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing").with(signedInAs(TestPrincipals.adminOf(UUID.randomUUID()))))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Not Found"));
    }

    @Test
    void anApiCallWithoutCredentialsIsAProblemDocument() throws Exception {
        mvc.perform(get("/api/v1/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/v1/anything"));
    }

    @Test
    void healthIsUpWithDatabaseAndMailChecks() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.outbox.status").value("UP"));
    }

    @Test
    void prometheusMetricsAreServed() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }
}
