package org.mspportal.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.RejectedInput;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The API keys pages: the MSP's keys, creating one (shown once), and revoking one. */
@Controller
class ApiKeyPages {

    private final ApiKeyManagement management;

    ApiKeyPages(ApiKeyManagement management) {
        this.management = management;
    }

    @Bean
    static NavigationItem apiKeysNavigation() {
        return NavigationItem.forAdministrators(PortalSection.API_KEYS, "/api-keys");
    }

    @GetMapping("/api-keys")
    String list(@RequestParam Optional<UUID> revoked, Model model) {
        List<ApiKey> keys = management.list();
        model.addAttribute("keys", keys);
        model.addAttribute("activeCount", keys.stream().filter(ApiKey::active).count());
        revoked.flatMap(id -> keys.stream().filter(key -> key.id().equals(id)).findFirst())
                .ifPresent(key -> model.addAttribute("revokedKey", key));
        return "identity/api-keys";
    }

    @GetMapping("/api-keys/new")
    String newKey(Model model) {
        return form(model, "", EnumSet.of(ApiKeyScope.READ), Map.of());
    }

    /**
     * Creates the key and shows it in this very response: the secret is never put in the session
     * or a redirect, so nothing but this page ever holds it.
     */
    @PostMapping("/api-keys")
    String create(@RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Set<ApiKeyScope> scopes, HttpServletResponse response, Model model) {
        Set<ApiKeyScope> chosen = scopes == null || scopes.isEmpty() ? EnumSet.noneOf(ApiKeyScope.class)
                : EnumSet.copyOf(scopes);
        try {
            NewApiKey created = management.create(name, chosen);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("key", created.key());
            model.addAttribute("secret", created.secret());
            return "identity/api-key-created";
        } catch (RejectedInput rejected) {
            return form(model, name, chosen, Map.of(rejected.field(), rejected.getMessage()));
        }
    }

    @PostMapping("/api-keys/{id}/revoke")
    String revoke(@PathVariable UUID id) {
        management.revoke(id);
        return "redirect:/api-keys?revoked=" + id;
    }

    private static String form(Model model, String name, Set<ApiKeyScope> scopes, Map<String, String> errors) {
        model.addAttribute("name", name);
        model.addAttribute("chosenScopes", scopes);
        model.addAttribute("allScopes", ApiKeyScope.values());
        model.addAttribute("errors", errors);
        model.addAttribute("maxNameLength", ApiKeyManagement.MAX_NAME_LENGTH);
        return "identity/api-key-new";
    }
}
