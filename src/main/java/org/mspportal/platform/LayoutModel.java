package org.mspportal.platform;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the navigation the modules contributed that the signed-in person may use, in the product's order. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final List<NavigationItem> navigation;

    LayoutModel(List<NavigationItem> contributed) {
        this.navigation = contributed.stream()
                .sorted(Comparator.comparing(NavigationItem::section))
                .toList();
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
        return navigation.stream().filter(item -> item.visibleTo(operator)).toList();
    }
}
