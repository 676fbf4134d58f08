package org.mspportal.usage;

import java.util.List;
import java.util.Optional;

import org.mspportal.shared.IdempotentRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    UsageApi(UsageIngestion ingestion, IdempotentRequests idempotency) {
        this.ingestion = ingestion;
        this.idempotency = idempotency;
    }

    record UsageBatchBody(List<SubmittedUsage> records) {
    }

    @PostMapping
    ResponseEntity<?> ingest(@RequestBody UsageBatchBody body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        return idempotency.once(key, "POST /api/v1/usage", body,
                () -> ResponseEntity.ok(ingestion.ingest(body.records())));
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
