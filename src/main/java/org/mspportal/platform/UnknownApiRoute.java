package org.mspportal.platform;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catches API paths that no controller serves, so they answer with problem+json like every other
 * API error instead of the browser's HTML error page. Any real route is more specific and wins.
 */
@RestController
@Hidden // a fallback, not a resource: kept out of the OpenAPI document
class UnknownApiRoute {

    @RequestMapping("/api/**")
    ProblemDetail notFound() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such API resource.");
    }
}
