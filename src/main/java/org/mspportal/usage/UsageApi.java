package org.mspportal.usage;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.mspportal.shared.IdempotentRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage ingestion in the REST API: {@code POST /api/v1/usage} with {@code {"records": [...]}}.
 * The answer is 200 once the batch is stored and rolled up, so reports show it at once. With an
 * {@code Idempotency-Key}, sending the batch again returns the first answer and counts nothing.
 */
@RestController
@RequestMapping("/api/v1/usage")
class UsageApi {

    private final UsageIngestion ingestion;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;

    UsageApi(UsageIngestion ingestion, IdempotentRequests idempotency, JsonMapper json) {
        this.ingestion = ingestion;
        this.idempotency = idempotency;
        this.json = json;
    }

    record UsageBatchBody(List<SubmittedUsage> records) {
    }

    /**
     * Takes the body as received and reads it here, so an Idempotency-Key compares the bytes sent
     * rather than a megabyte of JSON written out again.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> ingest(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = UsageBatchBody.class)))
            @RequestBody byte[] body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key,
            HttpServletRequest request) {
        UsageBatchBody batch = read(body, request);
        return idempotency.onceForBody(key, "POST /api/v1/usage", body,
                () -> ResponseEntity.ok(ingestion.ingest(batch.records())));
    }

    /** The batch, or the 400 an unreadable body gets everywhere in the API. */
    private UsageBatchBody read(byte[] body, HttpServletRequest request) {
        try {
            UsageBatchBody batch = json.readValue(body, UsageBatchBody.class);
            return batch == null ? new UsageBatchBody(null) : batch;
        } catch (JacksonException unreadable) {
            throw new HttpMessageNotReadableException("JSON parse error: " + unreadable.getOriginalMessage(),
                    unreadable, new ServletServerHttpRequest(request));
        }
    }

    /** 422 listing each invalid record's index, field and message, as {@code errors}. */
    @ExceptionHandler(BatchRefused.class)
    ProblemDetail refused(BatchRefused refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, refusal.getMessage());
        problem.setProperty("errors", refusal.errors());
        problem.setProperty("errorCount", refusal.errorCount());
        return problem;
    }

    @ExceptionHandler(ConcurrentUsage.class)
    ProblemDetail concurrent(ConcurrentUsage conflict) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
    }
}
