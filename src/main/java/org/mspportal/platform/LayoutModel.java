package org.mspportal.platform;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.mspportal.shared.NavigationBadge;
import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.PortalPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the navigation the modules contributed that the signed-in person may use, in the product's order. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final List<NavigationItem> navigation;
    private final List<NavigationBadge> badges;

    LayoutModel(List<NavigationItem> contributed, List<NavigationBadge> badges) {
        this.navigation = contributed.stream()
                .sorted(Comparator.comparing(NavigationItem::section))
                .toList();
        this.badges = List.copyOf(badges);
    }

    /** The badges with a number to show, by section, for the signed-in person. */
    @ModelAttribute("navigationBadges")
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

    /** Thymeleaf no longer exposes the request to templates; the layout needs only its path. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
            return List.of();
        }
        boolean operator = principal.providerId().isEmpty();
        List<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return navigation.stream().filter(item -> item.visibleTo(operator, held)).toList();
    }
}
