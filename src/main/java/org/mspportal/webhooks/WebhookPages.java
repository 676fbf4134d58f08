package org.mspportal.webhooks;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.StaleVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Webhooks pages: the MSP's endpoints, adding one (its signing secret shown once), editing,
 * deleting, rotating the secret, sending a test event, and an endpoint's deliveries with "redeliver".
 */
@Controller
class WebhookPages {

    static final int DELIVERIES_PER_PAGE = 25;

    private final WebhookManagement webhooks;

    WebhookPages(WebhookManagement webhooks) {
        this.webhooks = webhooks;
    }

    /** Tenant administrators manage assigned customers only: no entry for them (the pages are 403). */
    @Bean
    static NavigationItem webhooksNavigation() {
        return NavigationItem.forAdministrators(PortalSection.WEBHOOKS, "/webhooks")
                .onlyFor("ROLE_MSP_ADMINISTRATOR", "ROLE_READ_ONLY_ADMINISTRATOR");
    }

    /** The values the form shows: what was typed, or the endpoint's. */
    record EndpointForm(String url, String description, Set<WebhookEventType> eventTypes, boolean enabled,
            Integer version) {

        static EndpointForm blank() {
            return new EndpointForm("", "", WebhookEventType.subscribable(), true, null);
        }

        static EndpointForm of(WebhookEndpoint endpoint) {
            return new EndpointForm(endpoint.url(), endpoint.description(), endpoint.eventTypes(), endpoint.enabled(),
                    endpoint.version());
        }

        WebhookEndpointDetails details() {
            return new WebhookEndpointDetails(url, description, eventTypes, enabled);
        }
    }

    @GetMapping("/webhooks")
    String list(Model model) {
        model.addAttribute("endpoints", webhooks.list());
        return "webhooks/webhooks";
    }

    @GetMapping("/webhooks/new")
    String newEndpoint(Model model) {
        return form(model, null, EndpointForm.blank(), Map.of());
    }

    /** Registers the endpoint and shows its secret in this very response, never in a redirect or the session. */
    @PostMapping("/webhooks")
    String register(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) Set<WebhookEventType> eventTypes,
            @RequestParam(defaultValue = "false") boolean enabled, HttpServletResponse response, Model model) {
        EndpointForm typed = new EndpointForm(url, description, chosen(eventTypes), enabled, null);
        try {
            return secret(webhooks.register(typed.details()), true, response, model);
        } catch (RejectedInput refused) {
            return form(model, null, typed, Map.of(refused.field(), refused.getMessage()));
        }
    }

    @GetMapping("/webhooks/{id}")
    String endpoint(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("endpoint", webhooks.get(id));
        model.addAttribute("deliveries", webhooks.deliveries(id, PageRequest.of(Math.max(page, 0), DELIVERIES_PER_PAGE)));
        return "webhooks/webhook";
    }

    @GetMapping("/webhooks/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        WebhookEndpoint endpoint = webhooks.get(id);
        return form(model, endpoint, EndpointForm.of(endpoint), Map.of());
    }

    /** Saves the changes; if someone else saved first, says so and keeps what was typed. */
    @PostMapping("/webhooks/{id}")
    String change(@PathVariable UUID id, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) Set<WebhookEventType> eventTypes,
            @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "-1") int version,
            Model model, RedirectAttributes redirect) {
        WebhookEndpoint endpoint = webhooks.get(id);
        EndpointForm typed = new EndpointForm(url, description, chosen(eventTypes), enabled, version);
        try {
            WebhookEndpoint saved = webhooks.change(id, typed.details(), version);
            redirect.addFlashAttribute("notice", "Saved the webhook endpoint " + saved.url() + ".");
            return "redirect:/webhooks";
        } catch (RejectedInput refused) {
            return form(model, endpoint, typed, Map.of(refused.field(), refused.getMessage()));
        } catch (StaleVersion stale) {
            model.addAttribute("stale", stale.getMessage());
            return form(model, endpoint, typed, Map.of());
        }
    }

    @PostMapping("/webhooks/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        WebhookEndpoint deleted = webhooks.delete(id);
        redirect.addFlashAttribute("notice", "Deleted the webhook endpoint " + deleted.url()
                + ". Nothing more is sent to it.");
        return "redirect:/webhooks";
    }

    @PostMapping("/webhooks/{id}/rotate-secret")
    String rotateSecret(@PathVariable UUID id, HttpServletResponse response, Model model) {
        return secret(webhooks.rotateSecret(id), false, response, model);
    }

    @PostMapping("/webhooks/{id}/test")
    String sendTest(@PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.sendTest(id);
        redirect.addFlashAttribute("notice", "Queued a test event. It is sent within seconds; its outcome appears below.");
        return "redirect:/webhooks/" + id;
    }

    @PostMapping("/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
        WebhookDelivery delivery = webhooks.redeliver(id, deliveryId);
        redirect.addFlashAttribute("notice", "Queued " + delivery.eventType() + " " + delivery.messageId()
                + " again, with a fresh round of attempts.");
        return "redirect:/webhooks/" + id;
    }

    private static String secret(NewSigningSecret created, boolean isNew, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("endpoint", created.endpoint());
        model.addAttribute("secret", created.secret());
        model.addAttribute("isNew", isNew);
        return "webhooks/webhook-secret";
    }

    private static Set<WebhookEventType> chosen(Set<WebhookEventType> types) {
        return types == null || types.isEmpty() ? EnumSet.noneOf(WebhookEventType.class) : EnumSet.copyOf(types);
    }

    private static String form(Model model, WebhookEndpoint endpoint, EndpointForm form, Map<String, String> errors) {
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("eventTypes", WebhookEventType.subscribable());
        model.addAttribute("maxUrlLength", EndpointUrl.MAX_LENGTH);
        model.addAttribute("maxDescriptionLength", WebhookManagement.MAX_DESCRIPTION_LENGTH);
        return "webhooks/webhook-form";
    }
}
