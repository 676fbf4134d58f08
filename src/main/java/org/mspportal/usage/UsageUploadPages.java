package org.mspportal.usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.customers.Customer;
import org.mspportal.customers.CustomerManagement;
import org.mspportal.customers.CustomerQuery;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reports → Global Usage → Upload usage: a CSV of the same records the ingestion API takes, for
 * MSPs without a metering integration, with a template to start from. The receipt is shown after
 * a redirect, so reloading the page never sends the file again.
 */
@Controller
class UsageUploadPages {

    static final String PATH = "/usage/upload";

    private final UsageUpload upload;
    private final CustomerManagement customers;
    private final GlobalUsageReport report;

    UsageUploadPages(UsageUpload upload, CustomerManagement customers, GlobalUsageReport report) {
        this.upload = upload;
        this.customers = customers;
        this.report = report;
    }

    /** @param customer the customer whose usage page linked here, to go back to */
    @GetMapping(PATH)
    String form(@RequestParam Optional<UUID> customer, Model model) {
        model.addAttribute("limits", upload.limits());
        customer.map(customers::get).ifPresent(from -> model.addAttribute("backTo", from));
        return "usage/upload";
    }

    @PostMapping(PATH)
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam Optional<UUID> customer,
            Model model, RedirectAttributes redirect) throws IOException {
        try {
            UsageUpload.Outcome outcome = upload.upload(file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("outcome", outcome);
            redirect.addFlashAttribute("reportLink", UriComponentsBuilder.fromPath("/reports/global-usage")
                    .queryParam("from", outcome.firstDay()).queryParam("to", outcome.lastDay()).toUriString());
            customer.ifPresent(id -> redirect.addAttribute("customer", id));
            return "redirect:" + PATH;
        } catch (UploadRefused refused) {
            model.addAttribute("refusal", refused);
            model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
            return form(customer, model);
        }
    }

    /** A file to fill in: the header and two example rows of one of the MSP's customers. */
    @GetMapping(PATH + "/template.csv")
    ResponseEntity<byte[]> template() {
        // Refuses whoever may not upload, as the page does.
        upload.limits();
        LocalDate yesterday = report.today().minusDays(1);
        String customerId = customers.search(CustomerQuery.everyone(), PageRequest.of(0, 1)).stream()
                .map(Customer::id).map(UUID::toString).findFirst().orElse("<customer id>");
        String csv = UsageCsv.HEADER + "\n"
                + customerId + ",VMWARE," + yesterday + ",1500000000000,\n"
                + customerId + ",MICROSOFT_365," + yesterday + ",,0.25\n";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"usage-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
