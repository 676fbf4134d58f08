package org.mspportal.platform;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mspportal.shared.NavigationBadge;
import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalPrincipal;
import org.mspportal.shared.PortalSection;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page the navigation the modules contributed that the signed-in person may use, in
 * the product's order, with its badges. Added once the handler has chosen a whole page to render:
 * API answers, redirects and htmx fragments get none of it (as {@code @ModelAttribute} methods they
 * ran for every API request too, and the badges cost a query).
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements HandlerInterceptor, WebMvcConfigurer {

    private static final AuthenticationTrustResolver SIGNED_IN = new AuthenticationTrustResolverImpl();

    private final List<NavigationItem> navigation;
    private final List<NavigationBadge> badges;

    LayoutModel(List<NavigationItem> contributed, List<NavigationBadge> badges) {
        this.navigation = contributed.stream()
                .sorted(Comparator.comparing(NavigationItem::section))
                .toList();
        this.badges = List.copyOf(badges);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || !rendersWholePage(page.getViewName())) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // Thymeleaf no longer exposes the request to templates; the layout needs only its path.
        String path = request.getRequestURI();
        page.addObject("currentPath", path);
        // Worked out here rather than by security expressions in the layout, parsed on every page.
        page.addObject("signedIn", SIGNED_IN.isAuthenticated(authentication));
        page.addObject("accountEmail", authentication != null
                && authentication.getPrincipal() instanceof PortalPrincipal principal ? principal.email() : null);
        page.addObject("navigation", links(authentication, path));
    }

    /** The sections the person may use as the layout links them, the current one marked, with their badges. */
    private List<NavigationLink> links(Authentication authentication, String currentPath) {
        List<NavigationItem> items = navigation(authentication);
        if (items.isEmpty()) {
            return List.of();
        }
        Map<PortalSection, NavigationBadgeView> shown = navigationBadges(authentication);
        return items.stream().map(item -> new NavigationLink(item.path(), item.section().label(),
                item.section().icon(), item.section().description(), currentPath.startsWith(item.path()),
                shown.get(item.section()))).toList();
    }

    /**
     * A section in the navigation (and on the home page).
     *
     * @param badge what the section counts for the person, null when nothing
     */
    record NavigationLink(String path, String label, String icon, String description, boolean active,
            NavigationBadgeView badge) {
    }

    /** A template by name, not a redirect, a forward or a fragment of a template ("page :: part"). */
    static boolean rendersWholePage(String viewName) {
        return viewName != null && !viewName.startsWith("redirect:") && !viewName.startsWith("forward:")
                && !viewName.contains("::");
    }

    /** The badges with a number to show, by section, for the signed-in person. */
    Map<PortalSection, NavigationBadgeView> navigationBadges(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal)) {
            return Map.of();
        }
        Map<PortalSection, NavigationBadgeView> shown = new EnumMap<>(PortalSection.class);
        for (NavigationBadge badge : badges) {
            long count = badge.count();
            if (count > 0) {
                shown.put(badge.section(), new NavigationBadgeView(count > 99 ? "99+" : String.valueOf(count),
                        count + " " + badge.meaning()));
            }
        }
        return shown;
    }

    /** A badge as the layout prints it: the number, and what it counts for screen readers. */
    record NavigationBadgeView(String text, String description) {
    }

    List<NavigationItem> navigation(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
            return List.of();
        }
        boolean operator = principal.providerId().isEmpty();
        List<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return navigation.stream().filter(item -> item.visibleTo(operator, held)).toList();
    }
}
