package org.mspportal.identity;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The administrators of one MSP, as a piece of the operator's MSP page. The providers module
 * cannot ask identity for them (identity depends on providers), so its page loads this fragment
 * by URL; the path sits under the MSP pages, which only operators may open.
 */
@Controller
class ProviderAdministratorsFragment {

    private final AdministratorManagement administrators;

    ProviderAdministratorsFragment(AdministratorManagement administrators) {
        this.administrators = administrators;
    }

    @GetMapping("/providers/{providerId}/administrators")
    String administrators(@PathVariable UUID providerId, Model model) {
        model.addAttribute("administrators", administrators.listOf(providerId));
        return "identity/provider-administrators :: administrators";
    }
}
