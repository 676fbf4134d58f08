package org.mspportal.identity;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionIdGenerator;

/** Browser sessions: stored by Spring Session JDBC (see application.yml), with strong ids. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** 256 random bits per session id; Spring Session's default UUID carries only 122. */
    @Bean
    SessionIdGenerator sessionIdGenerator() {
        return Secrets::token;
    }

    @Bean
    SessionLifetimeFilter sessionLifetimeFilter(SignInSettings settings, Clock clock) {
        return new SessionLifetimeFilter(settings, clock);
    }

    /** The filter belongs in the security chain only; Boot would otherwise also register it with the container. */
    @Bean
    FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilterOutsideTheChain(SessionLifetimeFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
