package org.mspportal.platform;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The portal's own static files and the WebJars: public, cached, and only under their own paths. */
@DatabaseTest
@AutoConfigureMockMvc
class StaticResourcesTests {

    @Autowired MockMvc mvc;

    @Test
    void thePortalsStylesheetScriptsAndImagesArePublicAndCachedForAWeek() throws Exception {
        for (String file : new String[] {"/css/portal.css", "/js/portal.js", "/img/logo.svg"}) {
            mvc.perform(get(file))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", containsString("max-age=604800")));
        }
    }

    @Test
    void aWebJarIsServedWithoutItsVersionInThePath() throws Exception {
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=604800")));
    }

    @Test
    void pagesLinkWebJarsAtTheirVersionedPath() throws Exception {
        mvc.perform(get("/sign-in"))
                .andExpect(content().string(matchesPattern(
                        "(?s).*href=\"/webjars/bootstrap/\\d[^\"/]*/css/bootstrap\\.min\\.css\".*")));
    }
}
