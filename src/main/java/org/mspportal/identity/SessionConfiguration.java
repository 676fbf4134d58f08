package org.mspportal.identity;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/** Browser sessions: stored by Spring Session JDBC (see application.yml), with strong ids. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** 256 random bits per session id; Spring Session's default UUID carries only 122. */
    @Bean
    SessionIdGenerator sessionIdGenerator() {
        return Secrets::token;
    }

    /**
     * Spring Session's repository as {@link SessionStore}: wrapped after Boot has made and
     * configured it (a repository bean of our own would switch Boot's JDBC sessions off).
     */
    @Bean
    static BeanPostProcessor sessionStore() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository repository ? new SessionStore(repository) : bean;
            }
        };
    }

    /** Around Spring Session's filter, so that its reads at the start and the end of a request share one. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionReadOncePerRequest() {
        var registration = new FilterRegistrationBean<>(SessionStore.readOncePerRequest());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
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
