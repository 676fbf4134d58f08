package org.mspportal.notifications;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.mspportal.shared.HttpSecurityContribution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The development mailbox needs no sign-in (it is how one gets the first activation link), so it
 * answers only requests from this machine unless {@code portal.dev-mailbox.allow-remote} is set:
 * a server someone forgot to give an SMTP host must not hand sign-in codes to the internet. A
 * request a reverse proxy forwarded (it names the client in {@code Forwarded} or
 * {@code X-Forwarded-For}) comes from the proxy's address, often loopback, but from elsewhere.
 */
@Component
@ConditionalOnDevMailbox
class DevMailboxSecurity implements HttpSecurityContribution {

    private static final IpAddressMatcher IPV4_LOOPBACK = new IpAddressMatcher("127.0.0.0/8");
    private static final IpAddressMatcher IPV6_LOOPBACK = new IpAddressMatcher("::1");

    private final boolean allowRemote;

    DevMailboxSecurity(@Value("${portal.dev-mailbox.allow-remote:false}") boolean allowRemote) {
        this.allowRemote = allowRemote;
    }

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(DevMailboxPages.PATH, DevMailboxPages.PATH + "/**")
                .access(this::fromAllowedAddress));
    }

    private AuthorizationDecision fromAllowedAddress(Supplier<? extends Authentication> who,
            RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        return new AuthorizationDecision(allowRemote || (!forwarded(request)
                && (IPV4_LOOPBACK.matches(request) || IPV6_LOOPBACK.matches(request))));
    }

    private static boolean forwarded(HttpServletRequest request) {
        return request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null;
    }
}
