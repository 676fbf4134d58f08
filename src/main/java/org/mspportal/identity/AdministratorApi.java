package org.mspportal.identity;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.mspportal.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The MSP's administrators, read-only, for scripts. Another MSP's administrator is simply not found. */
@RestController
@Tag(name = "Administrators", description = "The MSP's administrators, read-only")
class AdministratorApi {

    private final AdministratorManagement administrators;

    AdministratorApi(AdministratorManagement administrators) {
        this.administrators = administrators;
    }

    @GetMapping("/api/v1/administrators")
    List<Administrator> list() {
        return administrators.list();
    }

    @GetMapping("/api/v1/administrators/{id}")
    Administrator get(@PathVariable UUID id) {
        return administrators.get(id);
    }

    /** Something that is not an id names no administrator: the same 404 as another MSP's id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail malformedId() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, new NotFound("administrator").getMessage() + ".");
    }
}
