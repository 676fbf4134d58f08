package org.mspportal.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's MSP's audit log as JSON. */
@RestController
@Tag(name = "Audit log", description = "The MSP's audit entries")
@RequestMapping("/api/v1/audit-entries")
class AuditApi {

    private static final int MAX_PAGE_SIZE = 200;

    private final AuditLog auditLog;

    AuditApi(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    PagedModel<AuditEntry> search(AuditQuery query, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        return new PagedModel<>(auditLog.search(query, PageRequest.of(Math.max(page, 0), pageSize)));
    }

    @GetMapping("/{id}")
    AuditEntry entry(@PathVariable long id) {
        return auditLog.get(id);
    }
}
