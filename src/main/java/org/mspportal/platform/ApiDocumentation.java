package org.mspportal.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The OpenAPI document of {@code /api/**} at {@code /v3/api-docs} and Swagger UI at
 * {@code /swagger-ui.html}, both readable without signing in: they describe the API and hold no
 * data, and every call made from Swagger UI still needs an API key ("Authorize").
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String API_KEY_SCHEME = "apiKey";

    /**
     * The portal's policy with one relaxation for Swagger UI's pages only: its React components
     * set {@code style} attributes, which {@code style-src 'self'} refuses. Scripts stay
     * {@code 'self'}; no inline script is allowed here either.
     */
    static final String SWAGGER_UI_POLICY = SecurityConfiguration.CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Bean
    OpenAPI portalApi(@Value("${portal.api.title}") String title,
            @Value("${portal.api.description}") String description, @Value("${portal.api.version}") String version) {
        return new OpenAPI()
                .info(new Info().title(title).version(version).description(description + ".\n\n"
                        + "Authenticate with an API key created on the *API keys* page: "
                        + "`Authorization: Bearer msp_…`. Reads need the key's read scope, changes its write "
                        + "scope. Errors are RFC 9457 `application/problem+json`; an invalid request is a 422 "
                        + "whose `errors` list names each invalid field. Creates and actions accept an "
                        + "`Idempotency-Key` header so a retry never does the work twice. Updates are JSON "
                        + "merge patches carrying the `version` read; a stale one gets 409."))
                .components(new Components().addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("msp_…")
                        .description("An API key of your MSP, sent as `Authorization: Bearer msp_…`.")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
    }

    /** Public, stateless and read-only; ahead of the browser chain, which would ask for a sign-in. */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocumentationChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html",
                        "/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> SecurityConfiguration.portalHeaders(headers, SWAGGER_UI_POLICY));
        return http.build();
    }
}
