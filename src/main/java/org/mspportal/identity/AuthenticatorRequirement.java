package org.mspportal.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps someone whose MSP requires an authenticator app, and who has none, on the set-up page
 * until they have one. Sign-in decides it once and marks the session, so pages cost no database
 * look-up; setting up the app clears the mark. Sign-out is handled by the security filters before
 * any page, so it always works.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticatorRequirement implements HandlerInterceptor, WebMvcConfigurer {

    static final String SETUP_PATH = "/profile/authenticator";

    private static final String ATTRIBUTE = AuthenticatorRequirement.class.getName();

    static void mark(HttpSession session) {
        session.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    static void clear(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    static boolean marked(HttpSession session) {
        return session != null && session.getAttribute(ATTRIBUTE) != null;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns(SETUP_PATH, "/sign-in", "/sign-in/**", "/webjars/**", "/css/**", "/js/**",
                        "/img/**", "/favicon.ico", "/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!marked(request.getSession(false))) {
            return true;
        }
        String target = request.getContextPath() + SETUP_PATH;
        if (request.getHeader("HX-Request") != null) {
            // htmx would swap a followed redirect into part of the page; this makes it navigate.
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
        else {
            response.sendRedirect(target);
        }
        return false;
    }
}
