package org.mspportal.customers;

import java.util.List;

import org.mspportal.shared.RejectedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Storage regions page: which of the deployment's regions the MSP offers its customers. */
@Controller
class StorageRegionPages {

    private final StorageRegionManagement regions;

    StorageRegionPages(StorageRegionManagement regions) {
        this.regions = regions;
    }

    @GetMapping("/storage-regions")
    String list(Model model) {
        List<StorageRegionChoice> choices = regions.list();
        model.addAttribute("regions", choices);
        model.addAttribute("enabledCount", choices.stream().filter(StorageRegionChoice::enabled).count());
        return "customers/storage-regions";
    }

    @PostMapping("/storage-regions/{id}/enable")
    String enable(@PathVariable String id, RedirectAttributes redirect) {
        StorageRegion region = regions.enable(id);
        redirect.addFlashAttribute("notice", "Your customers can now be put in " + region.displayName() + ".");
        return "redirect:/storage-regions";
    }

    /** Switches the region off, or shows why it stays on. */
    @PostMapping("/storage-regions/{id}/disable")
    String disable(@PathVariable String id, RedirectAttributes redirect) {
        try {
            StorageRegion region = regions.disable(id);
            redirect.addFlashAttribute("notice", region.displayName()
                    + " is switched off: customers can no longer be put in it.");
        } catch (RejectedInput refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/storage-regions";
    }
}
