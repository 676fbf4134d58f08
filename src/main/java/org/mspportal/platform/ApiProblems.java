package org.mspportal.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.RejectedInputs;
import org.mspportal.shared.StaleVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem+json for every error a REST controller raises. Spring's handler covers the
 * framework's exceptions (binding, validation, unknown media types, missing routes); anything
 * unexpected becomes a 500 whose body says nothing about the cause, which is logged instead.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException cause) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this request.");
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound cause) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, cause.getMessage() + ".");
    }

    /** A refused value, named as the {@code field} extension member so clients can point at it. */
    @ExceptionHandler(RejectedInput.class)
    ProblemDetail rejected(RejectedInput cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, cause.getMessage());
        problem.setProperty("field", cause.field());
        problem.setProperty("errors", List.of(fieldError(cause.field(), cause.getMessage())));
        return problem;
    }

    /** Every value a request was refused for, in the order the request named them. */
    @ExceptionHandler(RejectedInputs.class)
    ProblemDetail rejectedAll(RejectedInputs cause) {
        return invalidFields(cause.all().stream().map(one -> fieldError(one.field(), one.getMessage())).toList());
    }

    /** Every invalid field of a command at once, as an {@code errors} list of field and message. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException cause) {
        return invalidFields(cause.getConstraintViolations().stream()
                .map(violation -> fieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(error -> error.get("field")))
                .toList());
    }

    @ExceptionHandler(StaleVersion.class)
    ProblemDetail stale(StaleVersion cause) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, cause.getMessage());
    }

    /** A {@code @Valid} request body: 422 with every field, like the façades' own validation. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException cause,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = invalidFields(cause.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList());
        return ResponseEntity.unprocessableContent().headers(headers).body(problem);
    }

    private static ProblemDetail invalidFields(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                errors.size() == 1 ? errors.get(0).get("message") : "Some fields are not valid; see errors.");
        if (errors.size() == 1) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field == null ? "" : field, "message", message);
    }

    /** {@code create.command.name} and {@code name} both name the field {@code name}. */
    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * A database out of reach is 503 with {@code Retry-After}: the request was fine and will work
     * again by itself. Anything else unexpected is a 500 that says nothing of its cause.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception cause) {
        if (DatabaseUnavailable.explains(cause)) {
            log.warn("Database unavailable during an API request: {}", cause.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL));
        }
        log.error("Unexpected error in an API request", cause);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The portal could not complete this request. It has been logged; please try again."));
    }
}
