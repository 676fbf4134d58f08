package org.mspportal.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;
import org.mspportal.shared.RejectedInput;

/**
 * Source accounts as a CSV file: UTF-8, with or without a byte order mark, a header naming the
 * columns (in any order; only {@code name} and {@code cloudAdministratorEmail} are required), one
 * account per line. Hybrid workloads are separated by semicolons; dates are YYYY-MM-DD; a product
 * not licensed leaves its date empty. Every value that cannot be read is refused with its line and
 * column; the rules of a source account are the façade's, which names its refusals' columns here.
 */
final class SourceAccountCsv {

    static final String NAME = "name";
    static final String EMAIL = "cloudAdministratorEmail";
    static final String STATUS = "status";
    static final String EDITION = "hybridEdition";
    static final String WORKLOADS = "hybridWorkloads";
    static final String HYBRID_EXPIRY = "hybridExpiry";
    static final String MICROSOFT_365_EXPIRY = "microsoft365Expiry";
    static final String GOOGLE_WORKSPACE_EXPIRY = "googleWorkspaceExpiry";
    static final String ENDPOINTS_EXPIRY = "endpointsExpiry";
    static final List<String> COLUMNS = List.of(NAME, EMAIL, STATUS, EDITION, WORKLOADS, HYBRID_EXPIRY,
            MICROSOFT_365_EXPIRY, GOOGLE_WORKSPACE_EXPIRY, ENDPOINTS_EXPIRY);
    /** A file is imported in one transaction; a few hundred accounts are a large migration wave. */
    static final int MAX_ACCOUNTS = 1000;
    /** The source account's rules name the command's fields; a file names its columns. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("hybridExpiresOn", HYBRID_EXPIRY,
            "microsoft365ExpiresOn", MICROSOFT_365_EXPIRY, "googleWorkspaceExpiresOn", GOOGLE_WORKSPACE_EXPIRY,
            "endpointsExpiresOn", ENDPOINTS_EXPIRY);

    /** A line that could be read: the account it registers, and its status. */
    record Line(long number, RegisterSourceAccount account, SourceAccountStatus status) {
    }

    record Lines(List<Line> lines, List<SourceAccountImport.Refusal> refusals) {
    }

    private SourceAccountCsv() {
    }

    static Lines read(InputStream file) {
        List<Line> lines = new ArrayList<>();
        List<SourceAccountImport.Refusal> refusals = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            Map<String, Integer> header = null;
            for (CsvRecord record : csv) {
                if (header == null) {
                    header = header(record, refusals);
                    if (!refusals.isEmpty()) {
                        break;
                    }
                } else if (lines.size() + 1 > MAX_ACCOUNTS) {
                    refusals.add(new SourceAccountImport.Refusal(record.getStartingLineNumber(), "",
                            "Import at most " + MAX_ACCOUNTS + " accounts per file; split the file."));
                    break;
                } else {
                    line(record, header, refusals).ifPresent(lines::add);
                }
            }
            if (header == null) {
                refusals.add(new SourceAccountImport.Refusal(1, "", "The file is empty. Start from the template: a "
                        + "header line, then one account per line."));
            } else if (lines.isEmpty() && refusals.isEmpty()) {
                refusals.add(new SourceAccountImport.Refusal(2, "", "The file has a header but no accounts."));
            }
        } catch (CsvParseException unreadable) {
            refusals.add(new SourceAccountImport.Refusal(0, "", "The file is not valid CSV: " + unreadable.getMessage()
                    + ". Check for a quote that is never closed."));
        } catch (UncheckedIOException | IOException unreadable) {
            refusals.add(new SourceAccountImport.Refusal(0, "", "The file could not be read as UTF-8 CSV."));
        }
        return new Lines(lines, refusals);
    }

    /** The column the rule's field is read from. */
    static String column(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    /** A header and two example accounts, with a byte order mark so spreadsheets open it as UTF-8. */
    static byte[] template(LocalDate today) {
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        try (CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord(COLUMNS);
            csv.writeRecord("Contoso Ltd", "it-admin@contoso.example", "active", "ENTERPRISE", "VMWARE;NAS",
                    today.plusYears(1).toString(), today.plusMonths(6).toString(), "", "");
            csv.writeRecord("株式会社サンプル 🚀", "admin@sample.example", "active", "", "", "",
                    today.plusYears(2).toString(), "", today.plusYears(1).toString());
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> header(CsvRecord record, List<SourceAccountImport.Refusal> refusals) {
        Map<String, Integer> columns = new HashMap<>();
        for (int index = 0; index < record.getFieldCount(); index++) {
            String typed = record.getField(index).strip();
            Optional<String> known = COLUMNS.stream().filter(column -> column.equalsIgnoreCase(typed)).findFirst();
            if (known.isEmpty()) {
                refusals.add(new SourceAccountImport.Refusal(record.getStartingLineNumber(), typed,
                        "Unknown column \"" + typed + "\". The columns are: " + String.join(", ", COLUMNS) + "."));
            } else if (columns.putIfAbsent(known.get(), index) != null) {
                refusals.add(new SourceAccountImport.Refusal(record.getStartingLineNumber(), known.get(),
                        "The column " + known.get() + " is named twice."));
            }
        }
        for (String required : List.of(NAME, EMAIL)) {
            if (!columns.containsKey(required) && refusals.isEmpty()) {
                refusals.add(new SourceAccountImport.Refusal(record.getStartingLineNumber(), required,
                        "The header needs the column " + required + "."));
            }
        }
        return columns;
    }

    private static Optional<Line> line(CsvRecord record, Map<String, Integer> header,
            List<SourceAccountImport.Refusal> refusals) {
        long number = record.getStartingLineNumber();
        if (record.getFieldCount() > header.size()) {
            refusals.add(new SourceAccountImport.Refusal(number, "", "This line has " + record.getFieldCount()
                    + " values but the header names " + header.size() + " columns; quote a value that contains "
                    + "a comma."));
            return Optional.empty();
        }
        Cells cells = new Cells(record, header, refusals);
        SourceAccountStatus status = cells.value(STATUS, SourceAccountCsv::status);
        Edition edition = cells.value(EDITION, text -> choice(EDITION, Edition.class, text, Edition::label));
        Set<Workload> workloads = cells.value(WORKLOADS, SourceAccountCsv::workloads);
        RegisterSourceAccount account = new RegisterSourceAccount(cells.text(NAME), cells.text(EMAIL), edition,
                workloads, cells.value(HYBRID_EXPIRY, text -> date(HYBRID_EXPIRY, text)),
                cells.value(MICROSOFT_365_EXPIRY, text -> date(MICROSOFT_365_EXPIRY, text)),
                cells.value(GOOGLE_WORKSPACE_EXPIRY, text -> date(GOOGLE_WORKSPACE_EXPIRY, text)),
                cells.value(ENDPOINTS_EXPIRY, text -> date(ENDPOINTS_EXPIRY, text)), List.of());
        return cells.refused ? Optional.empty()
                : Optional.of(new Line(number, account, status == null ? SourceAccountStatus.ACTIVE : status));
    }

    /** One line's cells by column, each refusal kept with its line and column. */
    private static final class Cells {

        private final CsvRecord record;
        private final Map<String, Integer> header;
        private final List<SourceAccountImport.Refusal> refusals;
        private boolean refused;

        Cells(CsvRecord record, Map<String, Integer> header, List<SourceAccountImport.Refusal> refusals) {
            this.record = record;
            this.header = header;
            this.refusals = refusals;
        }

        /** The cell's text, or empty when the column or the value is missing. */
        String text(String column) {
            Integer index = header.get(column);
            return index == null || index >= record.getFieldCount() ? "" : record.getField(index).strip();
        }

        /** The value read from a non-empty cell; null when empty or refused. */
        <T> T value(String column, Function<String, T> reading) {
            String text = text(column);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return reading.apply(text);
            } catch (RejectedInput unreadable) {
                refused = true;
                refusals.add(new SourceAccountImport.Refusal(record.getStartingLineNumber(), column,
                        unreadable.getMessage()));
                return null;
            }
        }
    }

    private static SourceAccountStatus status(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "active" -> SourceAccountStatus.ACTIVE;
            case "suspended" -> SourceAccountStatus.SUSPENDED;
            default -> throw new RejectedInput(STATUS, "Write active or suspended, not \"" + text + "\".");
        };
    }

    private static Set<Workload> workloads(String text) {
        Set<Workload> workloads = EnumSet.noneOf(Workload.class);
        for (String one : text.split(";")) {
            if (!one.isBlank()) {
                workloads.add(choice(WORKLOADS, Workload.class, one.strip(), Workload::label));
            }
        }
        return workloads;
    }

    /** An enum value by its name or its label, in any case: VMWARE, vmware and VMware all read. */
    private static <E extends Enum<E>> E choice(String column, Class<E> type, String text, Function<E, String> label) {
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> value.name().equalsIgnoreCase(text) || label.apply(value).equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new RejectedInput(column, "Unknown value \"" + text + "\". Use one of: "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                        + "."));
    }

    private static LocalDate date(String column, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            throw new RejectedInput(column, "Write the date as YYYY-MM-DD, for example 2027-03-31, not \"" + text
                    + "\".");
        }
    }
}
