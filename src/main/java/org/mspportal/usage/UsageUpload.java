package org.mspportal.usage;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mspportal.customers.CustomerSummaries;
import org.mspportal.shared.IdempotentRequests;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The CSV upload of usage in the portal: the file's rows go through {@link UsageIngestion} like
 * an API batch (same rules, stored whole or not at all), problems are named by line and column,
 * and a file uploaded again counts once: its SHA-256 is its idempotency key, so the second upload
 * stores nothing and gets the first one's receipt. Only MSP administrators may upload.
 */
@Service
class UsageUpload {

    /** 10 000 rows of ids, names and figures stay far below this; a spreadsheet with a stray image does not. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final String OPERATION = "POST /usage/upload";
    private static final int LONGEST_FILE_NAME = 200;

    private final UsageIngestion ingestion;
    private final CustomerSummaries customers;
    private final IdempotentRequests idempotency;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    UsageUpload(UsageIngestion ingestion, CustomerSummaries customers, IdempotentRequests idempotency,
            ApplicationEventPublisher events, JsonMapper json) {
        this.ingestion = ingestion;
        this.customers = customers;
        this.idempotency = idempotency;
        this.events = events;
        this.json = json;
    }

    /** What a file may hold. Asking is how the upload page checks that the caller may upload at all. */
    record Limits(int rows, int megabytes) {
    }

    /**
     * A stored upload.
     *
     * Serializable: it reaches the page as a flash attribute, kept in the database session.
     *
     * @param repeated the same file was uploaded before (within two days) and this upload stored nothing
     */
    record Outcome(String fileName, IngestionReceipt receipt, boolean repeated, LocalDate firstDay, LocalDate lastDay)
            implements Serializable {
    }

    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public Limits limits() {
        return new Limits(UsageBatch.MAX_RECORDS, MAX_BYTES / (1024 * 1024));
    }

    /**
     * Stores the file's usage, or nothing.
     *
     * @throws UploadRefused naming every problem by line and column
     */
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public Outcome upload(String fileName, byte[] content) {
        UUID provider = ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
        String name = shortName(fileName);
        if (content.length == 0) {
            throw UploadRefused.whole("Choose a CSV file to upload.");
        }
        if (content.length > MAX_BYTES) {
            throw UploadRefused.whole("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; upload at most"
                    + " 10 000 rows at a time.");
        }
        UsageCsv.Read read = withCustomerIds(UsageCsv.read(content));
        if (!read.problems().isEmpty()) {
            throw refusal(read, read.problems(), otherProblems(read));
        }
        String sha256 = Sha256.hex(content);
        List<LocalDate> days = days(read);
        ResponseEntity<?> answer;
        try {
            answer = idempotency.once(Optional.of("usage-upload:" + sha256), OPERATION, Map.of("sha256", sha256),
                    () -> {
                        IngestionReceipt receipt = ingestion.ingest(read.records());
                        events.publishEvent(new UsageUploaded(provider, name, sha256, receipt.accepted(),
                                receipt.replaced(), receipt.credits(), days.get(0), days.get(days.size() - 1)));
                        return ResponseEntity.ok(receipt);
                    });
        } catch (BatchRefused refused) {
            throw refusal(read, List.of(), Optional.of(refused));
        }
        boolean repeated = answer.getHeaders().containsHeader("Idempotent-Replayed");
        IngestionReceipt receipt = answer.getBody() instanceof IngestionReceipt stored ? stored
                : json.readValue((String) answer.getBody(), IngestionReceipt.class);
        return new Outcome(name, receipt, repeated, days.get(0), days.get(days.size() - 1));
    }

    /**
     * The records that name their customer by account name, given its id. Names are unique within
     * an MSP (ignoring case and spacing), so a name is never ambiguous; one of no customer is a problem.
     */
    private UsageCsv.Read withCustomerIds(UsageCsv.Read read) {
        List<String> names = read.accountNames().stream().filter(Objects::nonNull).distinct().toList();
        if (names.isEmpty()) {
            return read;
        }
        Map<String, UUID> ids = customers.idsByName(names);
        List<SubmittedUsage> records = new ArrayList<>(read.records());
        List<UploadRefused.Problem> problems = new ArrayList<>(read.problems());
        for (int index = 0; index < records.size(); index++) {
            String name = read.accountNames().get(index);
            SubmittedUsage record = records.get(index);
            if (name != null && ids.containsKey(name)) {
                records.set(index, new SubmittedUsage(ids.get(name).toString(), record.workload(), record.date(),
                        record.storedBytes(), record.credits()));
            } else if (name != null) {
                problems.add(new UploadRefused.Problem(read.lineOf(index), "accountName",
                        "No customer of yours has the account name \"" + name + "\"."));
            }
        }
        return new UsageCsv.Read(records, read.lines(), read.accountNames(), problems);
    }

    /** The ingestion's refusal of a file whose numbers were all readable; empty when it has none. */
    private Optional<BatchRefused> otherProblems(UsageCsv.Read read) {
        try {
            ingestion.check(read.records());
            return Optional.empty();
        } catch (BatchRefused refused) {
            return Optional.of(refused);
        }
    }

    /** The days of the file's records that are days, in order; the ingestion refuses the file if any is not. */
    private static List<LocalDate> days(UsageCsv.Read read) {
        List<LocalDate> days = new ArrayList<>();
        for (SubmittedUsage record : read.records()) {
            try {
                days.add(LocalDate.parse(record.date()));
            } catch (RuntimeException notADay) {
                // named by the ingestion's refusal
            }
        }
        days.sort(null);
        return days;
    }

    /** The CSV's problems and the ingestion's, by line: record i of the batch is on line {@code lineOf(i)}. */
    private static UploadRefused refusal(UsageCsv.Read read, List<UploadRefused.Problem> found,
            Optional<BatchRefused> checked) {
        List<UploadRefused.Problem> problems = new ArrayList<>(found);
        int count = found.size();
        Set<Integer> unknownNames = found.stream().filter(problem -> problem.column().equals("accountName"))
                .map(UploadRefused.Problem::line).collect(Collectors.toSet());
        if (checked.isPresent()) {
            for (BatchRefused.Error error : checked.get().errors()) {
                if (error.index() != null && error.field().equals("customerId")
                        && unknownNames.contains(read.lineOf(error.index()))) {
                    count--;
                    continue;
                }
                problems.add(new UploadRefused.Problem(error.index() == null ? null : read.lineOf(error.index()),
                        error.field(), lineNumbers(read, error.message())));
            }
            count += checked.get().errorCount();
        }
        String message = count == 1 ? "One line of the file is not valid; nothing was stored."
                : count + " problems in the file; nothing was stored.";
        if (problems.size() == 1 && problems.get(0).line() == null) {
            message = problems.get(0).message();
        }
        return new UploadRefused(message, problems);
    }

    /** The ingestion says "Record 3 already has…" of a duplicate; in a file, that is a line. */
    private static String lineNumbers(UsageCsv.Read read, String message) {
        var duplicate = java.util.regex.Pattern.compile("^Record (\\d+) ").matcher(message);
        return duplicate.find() ? "Line " + read.lineOf(Integer.parseInt(duplicate.group(1))) + " "
                + message.substring(duplicate.end()) : message;
    }

    private static String shortName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "usage.csv" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > LONGEST_FILE_NAME ? name.substring(0, LONGEST_FILE_NAME) : name;
    }

}
