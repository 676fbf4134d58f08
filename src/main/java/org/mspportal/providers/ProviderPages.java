package org.mspportal.providers;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;

import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.RejectedInput;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform operator's MSP pages: the list, onboarding, and one MSP with suspend and reinstate. */
@Controller
class ProviderPages {

    static final String PATH = "/providers";
    private static final int PAGE_SIZE = 25;

    /** The list's orders, as offered in its "Sort by" menu. */
    enum Order {
        NAME("Name", Sort.by("name")),
        NEWEST("Newest first", Sort.by(Sort.Direction.DESC, "createdAt")),
        OLDEST("Oldest first", Sort.by("createdAt")),
        STATUS("Suspended first", Sort.by(Sort.Direction.DESC, "status").and(Sort.by("name")));

        private final String label;
        private final Sort sort;

        Order(String label, Sort sort) {
            this.label = label;
            this.sort = sort;
        }

        public String label() {
            return label;
        }

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Order of(String value) {
            return Arrays.stream(values()).filter(order -> order.value().equals(value)).findFirst().orElse(NAME);
        }
    }

    /** What the onboarding form sends: the emails as typed, one per line or separated by commas. */
    record OnboardingForm(String name, String administratorEmails) {

        static OnboardingForm empty() {
            return new OnboardingForm("", "");
        }

        OnboardProvider command() {
            String emails = administratorEmails == null ? "" : administratorEmails;
            return new OnboardProvider(name, List.of(emails.split("[\\s,;]+")));
        }
    }

    private final ProviderManagement providers;
    private final Validator validator;

    ProviderPages(ProviderManagement providers, Validator validator) {
        this.providers = providers;
        this.validator = validator;
    }

    @Bean
    static NavigationItem providersNavigation() {
        return NavigationItem.forOperators(PortalSection.PROVIDERS, PATH);
    }

    @GetMapping(PATH)
    String list(@RequestParam(defaultValue = "") String search, @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Order order = Order.of(sort);
        Page<Provider> found = providers.list(search.strip(),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, order.sort));
        model.addAttribute("search", search.strip());
        model.addAttribute("order", order);
        model.addAttribute("orders", Order.values());
        model.addAttribute("providers", found);
        return "providers/providers";
    }

    @GetMapping(PATH + "/new")
    String onboarding(Model model) {
        model.addAttribute("form", OnboardingForm.empty());
        model.addAttribute("errors", Map.of());
        return "providers/onboard";
    }

    @PostMapping(PATH + "/new")
    String onboard(OnboardingForm form, Model model, RedirectAttributes redirect) {
        OnboardProvider command = form.command();
        Map<String, String> errors = errorsOf(command);
        if (errors.isEmpty()) {
            try {
                Provider provider = providers.onboard(command);
                redirect.addFlashAttribute("notice", "Activation emails sent to "
                        + String.join(", ", command.administratorEmails()) + ".");
                return "redirect:" + PATH + "/" + provider.id();
            } catch (RejectedInput rejected) {
                errors.put(rejected.field(), rejected.getMessage());
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "providers/onboard";
    }

    @GetMapping(PATH + "/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("provider", providers.get(id));
        return "providers/provider";
    }

    @PostMapping(PATH + "/{id}/suspend")
    String suspend(@PathVariable UUID id, RedirectAttributes redirect) {
        providers.suspend(id);
        redirect.addFlashAttribute("notice", providers.get(id).name() + " is suspended. Its administrators were "
                + "signed out and cannot sign in until you reinstate it.");
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/reinstate")
    String reinstate(@PathVariable UUID id, RedirectAttributes redirect) {
        providers.reinstate(id);
        redirect.addFlashAttribute("notice", providers.get(id).name()
                + " is active again. Its administrators can sign in.");
        return "redirect:" + PATH + "/" + id;
    }

    /** Every broken rule at once, in the order of the form, so one submit shows all there is to fix. */
    private Map<String, String> errorsOf(OnboardProvider command) {
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(command).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(OnboardProvider::rejection)
                .forEach(rejected -> errors.merge(rejected.field(), rejected.getMessage(),
                        (earlier, later) -> earlier + " " + later));
        return errors;
    }
}
