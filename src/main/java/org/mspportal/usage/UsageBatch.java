package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mspportal.customers.CustomerPlanTimeline;
import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;

/**
 * The rules a batch of usage records must meet, all checked before anything is stored, so a batch
 * is either stored whole or refused whole with every record's problems named by index and field.
 *
 * <ul>
 *   <li>1 to {@value #MAX_RECORDS} records;</li>
 *   <li>a customer of the caller's MSP (an unknown id and another MSP's get the same answer);</li>
 *   <li>a known workload;</li>
 *   <li>a day from two years ago up to today (UTC): metering is daily, so a later day cannot have
 *       usage yet, and older figures belong to closed reports;</li>
 *   <li>credits, stored bytes or both, neither negative; with both, credits count and the bytes
 *       are kept for reference;</li>
 *   <li>each customer, workload and day at most once per batch, since a second one would silently
 *       replace the first.</li>
 * </ul>
 */
final class UsageBatch {

    static final int MAX_RECORDS = 10_000;
    static final int YEARS_ACCEPTED = 2;
    /** Far above any real day of one workload, and small enough that roll-ups cannot overflow. */
    static final BigDecimal MAX_CREDITS = new BigDecimal("1000000000");
    static final String UNKNOWN_CUSTOMER = "No customer of yours has this id.";

    private final Map<UUID, CustomerPlanTimeline.History> histories;
    private final Map<UUID, Edition> editions;
    private final LocalDate today;

    /**
     * @param histories the plan histories of the batch's customers that are the caller's
     * @param editions the edition of each of the caller's plans
     */
    UsageBatch(Map<UUID, CustomerPlanTimeline.History> histories, Map<UUID, Edition> editions, LocalDate today) {
        this.histories = histories;
        this.editions = editions;
        this.today = today;
    }

    /** Refuses a batch that is empty or too big, before anything is looked up for it. */
    static void requireSize(List<SubmittedUsage> submitted) {
        if (submitted == null || submitted.isEmpty()) {
            throw new BatchRefused("Send at least one record.",
                    List.of(new BatchRefused.Error(null, "records", "Send at least one record.")));
        }
        if (submitted.size() > MAX_RECORDS) {
            String message = "Send at most 10 000 records in one batch; this one has " + submitted.size() + ".";
            throw new BatchRefused(message, List.of(new BatchRefused.Error(null, "records", message)));
        }
    }

    /** The ids of the customers the batch names, where they are ids at all. */
    static Set<UUID> customerIds(List<SubmittedUsage> submitted) {
        return submitted.stream().filter(Objects::nonNull)
                .map(record -> uuid(record.customerId()))
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The records, checked and filed under their day's edition.
     *
     * @throws BatchRefused naming every problem, when any record has one
     */
    List<UsageRecord> checked(List<SubmittedUsage> submitted) {
        List<BatchRefused.Error> errors = new ArrayList<>();
        List<UsageRecord> records = new ArrayList<>(submitted.size());
        Map<UsageRecord.Key, Integer> seen = new HashMap<>();
        for (int index = 0; index < submitted.size(); index++) {
            Optional<UsageRecord> record = checked(index, submitted.get(index), errors);
            if (record.isPresent()) {
                Integer earlier = seen.putIfAbsent(record.get().key(), index);
                if (earlier != null) {
                    errors.add(new BatchRefused.Error(index, "date", "Record " + earlier
                            + " already has this customer's usage of this workload on this day; send each day once."));
                }
                records.add(record.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new BatchRefused(errors.size() == 1 ? errors.get(0).message()
                    : errors.size() + " records are not valid; nothing was stored. See errors.", errors);
        }
        return records;
    }

    private Optional<UsageRecord> checked(int index, SubmittedUsage submitted, List<BatchRefused.Error> errors) {
        if (submitted == null) {
            errors.add(new BatchRefused.Error(index, "record", "Send a record, not null."));
            return Optional.empty();
        }
        int before = errors.size();
        Optional<CustomerPlanTimeline.History> customer = customer(index, submitted.customerId(), errors);
        Optional<Workload> workload = workload(index, submitted.workload(), errors);
        Optional<LocalDate> date = date(index, submitted.date(), errors);
        Optional<Long> bytes = storedBytes(index, submitted.storedBytes(), errors);
        Optional<BigDecimal> credits = credits(index, submitted.credits(), errors);
        if (submitted.storedBytes() == null && submitted.credits() == null) {
            errors.add(new BatchRefused.Error(index, "credits", "Send credits, storedBytes or both."));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new UsageRecord(customer.get().customerId(), workload.get(), date.get(), bytes.orElse(null),
                credits.orElseGet(() -> Credits.perDay(bytes.get())), edition(customer.get(), date.get())));
    }

    private Edition edition(CustomerPlanTimeline.History customer, LocalDate day) {
        return customer.planOn(day).map(editions::get).orElse(null);
    }

    private Optional<CustomerPlanTimeline.History> customer(int index, String id, List<BatchRefused.Error> errors) {
        if (id == null || id.isBlank()) {
            errors.add(new BatchRefused.Error(index, "customerId", "Send the customer's id."));
            return Optional.empty();
        }
        Optional<CustomerPlanTimeline.History> found = uuid(id).map(histories::get);
        if (found.isEmpty()) {
            errors.add(new BatchRefused.Error(index, "customerId", UNKNOWN_CUSTOMER));
        }
        return found;
    }

    private static Optional<Workload> workload(int index, String name, List<BatchRefused.Error> errors) {
        if (name != null) {
            try {
                return Optional.of(Workload.valueOf(name.strip()));
            } catch (IllegalArgumentException unknown) {
                // named in the error below
            }
        }
        errors.add(new BatchRefused.Error(index, "workload",
                (name == null ? "Send the workload" : "Unknown workload \"" + name + "\"") + ". Use one of: "
                        + Arrays.stream(Workload.values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
        return Optional.empty();
    }

    private Optional<LocalDate> date(int index, String text, List<BatchRefused.Error> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new BatchRefused.Error(index, "date", "Send the day of the usage, as YYYY-MM-DD."));
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException unreadable) {
            errors.add(new BatchRefused.Error(index, "date", "\"" + text + "\" is not a day; send YYYY-MM-DD."));
            return Optional.empty();
        }
        if (date.isAfter(today)) {
            errors.add(new BatchRefused.Error(index, "date",
                    "The day is in the future; send usage of today (UTC) or earlier."));
            return Optional.empty();
        }
        if (date.isBefore(today.minusYears(YEARS_ACCEPTED))) {
            errors.add(new BatchRefused.Error(index, "date",
                    "The day is more than two years ago; usage is accepted for the last two years."));
            return Optional.empty();
        }
        return Optional.of(date);
    }

    private static Optional<Long> storedBytes(int index, BigDecimal bytes, List<BatchRefused.Error> errors) {
        if (bytes == null) {
            return Optional.empty();
        }
        String problem = null;
        if (bytes.signum() < 0) {
            problem = "Stored bytes cannot be negative.";
        } else if (bytes.stripTrailingZeros().scale() > 0) {
            problem = "Send stored bytes as a whole number.";
        } else if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            problem = "Stored bytes must be at most " + Long.MAX_VALUE + ".";
        }
        if (problem != null) {
            errors.add(new BatchRefused.Error(index, "storedBytes", problem));
            return Optional.empty();
        }
        return Optional.of(bytes.longValueExact());
    }

    private static Optional<BigDecimal> credits(int index, BigDecimal credits, List<BatchRefused.Error> errors) {
        if (credits == null) {
            return Optional.empty();
        }
        if (credits.signum() < 0) {
            errors.add(new BatchRefused.Error(index, "credits", "Credits cannot be negative."));
            return Optional.empty();
        }
        if (credits.compareTo(MAX_CREDITS) > 0) {
            errors.add(new BatchRefused.Error(index, "credits", "Credits must be at most 1 000 000 000 per record."));
            return Optional.empty();
        }
        return Optional.of(Credits.rounded(credits));
    }

    private static Optional<UUID> uuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
