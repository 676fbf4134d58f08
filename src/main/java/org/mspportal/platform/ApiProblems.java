package org.mspportal.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
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
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception cause) {
        log.error("Unexpected error in an API request", cause);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The portal could not complete this request. It has been logged; please try again.");
    }
}
