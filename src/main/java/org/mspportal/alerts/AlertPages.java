package org.mspportal.alerts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.mspportal.shared.NavigationBadge;
import org.mspportal.identity.Role;
import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.RejectedInput;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Alerts pages: the MSP's alerts, newest first, marking them read, and the thresholds. */
@Controller
class AlertPages {

    private final AlertManagement alerts;

    AlertPages(AlertManagement alerts) {
        this.alerts = alerts;
    }

    /** Tenant administrators' alerts would need filtering by assignment: no entry for them (the page is 403). */
    @Bean
    static NavigationItem alertsNavigation() {
        return NavigationItem.forAdministrators(PortalSection.ALERTS, "/alerts")
                .onlyFor(Role.MSP_ADMINISTRATOR.authority(), Role.READ_ONLY_ADMINISTRATOR.authority());
    }

    /** The number of unread alerts next to "Alerts" in the navigation. */
    @Bean
    static NavigationBadge unreadAlertsBadge(AlertManagement alerts) {
        return new NavigationBadge() {
            @Override
            public PortalSection section() {
                return PortalSection.ALERTS;
            }

            @Override
            public long count() {
                return alerts.unreadCount();
            }

            @Override
            public String meaning() {
                return "unread alerts";
            }
        };
    }

    /** The values the settings form shows: what was typed, or the stored ones. */
    record SettingsForm(String warningPercent, String criticalPercent, String exhaustedPercent, String reminderDays) {

        static SettingsForm of(AlertSettings settings) {
            return new SettingsForm(String.valueOf(settings.warningPercent()), String.valueOf(settings.criticalPercent()),
                    String.valueOf(settings.exhaustedPercent()), settings.reminderDaysText());
        }
    }

    @GetMapping("/alerts")
    String list(Model model) {
        model.addAttribute("alerts", alerts.recent());
        model.addAttribute("unread", alerts.unreadCount());
        return "alerts/alerts";
    }

    @PostMapping("/alerts/{id}/read")
    String markRead(@PathVariable UUID id) {
        alerts.markRead(id);
        return "redirect:/alerts";
    }

    @PostMapping("/alerts/read")
    String markAllRead(RedirectAttributes redirect) {
        int marked = alerts.markAllRead();
        redirect.addFlashAttribute("notice", marked == 1 ? "Marked 1 alert as read." : "Marked " + marked + " alerts as read.");
        return "redirect:/alerts";
    }

    @GetMapping("/alerts/settings")
    String settings(Model model) {
        return settingsForm(model, SettingsForm.of(alerts.settings()), Map.of());
    }

    @PostMapping("/alerts/settings")
    String saveSettings(@RequestParam(defaultValue = "") String warningPercent,
            @RequestParam(defaultValue = "") String criticalPercent,
            @RequestParam(defaultValue = "") String exhaustedPercent,
            @RequestParam(defaultValue = "") String reminderDays, Model model, RedirectAttributes redirect) {
        try {
            alerts.changeSettings(warningPercent, criticalPercent, exhaustedPercent, reminderDays);
            redirect.addFlashAttribute("notice", "Saved the alert thresholds. They apply from the next usage and reminders on.");
            return "redirect:/alerts/settings";
        } catch (RejectedInput refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(refused.field(), refused.getMessage());
            return settingsForm(model, new SettingsForm(warningPercent, criticalPercent, exhaustedPercent, reminderDays),
                    errors);
        }
    }

    private static String settingsForm(Model model, SettingsForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("defaults", SettingsForm.of(AlertSettings.DEFAULTS));
        return "alerts/settings";
    }
}
