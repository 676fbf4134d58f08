package org.mspportal.usage;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads an uploaded usage CSV: UTF-8 with or without a byte order mark, a header naming the
 * columns {@value #HEADER} in any order (storedBytes or credits may be left out), then one usage
 * record per line. Cells stay text, as in the API, so that the ingestion's own rules check them;
 * only numbers are read here, and a cell that is not one is named by its line and column.
 */
final class UsageCsv {

    static final String HEADER = "customerId,workload,date,storedBytes,credits";
    /** The header's columns, and accountName, which may stand for customerId. */
    static final List<String> COLUMNS = List.of("customerId", "accountName", "workload", "date", "storedBytes",
            "credits");
    private static final List<String> REQUIRED = List.of("workload", "date");

    /**
     * The file's records in order, the line each starts on, the account name of each record that
     * names its customer that way (null for the others), and the numbers that could not be read
     * (their record carries zero, so the ingestion's checks still see the rest of it).
     */
    record Read(List<SubmittedUsage> records, List<Integer> lines, List<String> accountNames,
            List<UploadRefused.Problem> problems) {

        int lineOf(int index) {
            return lines.get(index);
        }
    }

    private UsageCsv() {
    }

    /**
     * @throws UploadRefused when the file as a whole cannot be read: not UTF-8, no or a wrong
     *     header, no rows, more than {@link UsageBatch#MAX_RECORDS}, a broken quote
     */
    static Read read(byte[] content) {
        String text = utf8(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text);
        try (reader) {
            var rows = reader.iterator();
            if (!rows.hasNext()) {
                throw UploadRefused.whole("The file is empty. Start it with the header " + HEADER + ".");
            }
            Map<String, Integer> columns = header(rows.next());
            List<SubmittedUsage> records = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            List<String> accountNames = new ArrayList<>();
            List<UploadRefused.Problem> problems = new ArrayList<>();
            while (rows.hasNext()) {
                CsvRecord row = rows.next();
                if (records.size() == UsageBatch.MAX_RECORDS) {
                    throw UploadRefused.whole("The file has more than 10 000 rows; upload at most 10 000 at a time,"
                            + " in several files if need be.");
                }
                SubmittedUsage record = record(row, columns, problems);
                records.add(record);
                lines.add((int) row.getStartingLineNumber());
                accountNames.add(record.customerId() == null ? text(row, columns, "accountName") : null);
            }
            if (records.isEmpty()) {
                throw UploadRefused.whole("The file has a header but no usage rows.");
            }
            return new Read(records, lines, accountNames, problems);
        } catch (CsvParseException broken) {
            throw UploadRefused.whole("The file is not valid CSV (a quoted value may not be closed). Save it again"
                    + " as CSV and upload it.");
        } catch (java.io.IOException impossible) {
            // Reading from a String
            throw new IllegalStateException(impossible);
        }
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw UploadRefused.whole("The file is not UTF-8 text. In a spreadsheet, save it as \"CSV UTF-8\".");
        }
    }

    /** Column name to position; names are matched ignoring case and surrounding spaces. */
    private static Map<String, Integer> header(CsvRecord header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int position = 0; position < header.getFieldCount(); position++) {
            String name = header.getField(position).strip();
            String known = COLUMNS.stream().filter(column -> column.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> UploadRefused.whole("The header names an unknown column \"" + name
                            + "\". The first line must be " + HEADER + " (or accountName for customerId)."));
            if (columns.putIfAbsent(known, position) != null) {
                throw UploadRefused.whole("The header names the column " + known + " twice.");
            }
        }
        List<String> missing = REQUIRED.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty() || !(columns.containsKey("storedBytes") || columns.containsKey("credits"))
                || !(columns.containsKey("customerId") || columns.containsKey("accountName"))) {
            throw UploadRefused.whole("The first line must be the header " + HEADER + " (accountName may stand for"
                    + " customerId; storedBytes or credits may be left out, not both)" + (missing.isEmpty() ? "."
                    : "; it lacks " + String.join(", ", missing) + "."));
        }
        return columns;
    }

    private static SubmittedUsage record(CsvRecord row, Map<String, Integer> columns,
            List<UploadRefused.Problem> problems) {
        int line = (int) row.getStartingLineNumber();
        if (row.getFieldCount() > columns.size()) {
            problems.add(new UploadRefused.Problem(line, "record", "The line has " + row.getFieldCount()
                    + " values; the header has " + columns.size() + " columns."));
        }
        return new SubmittedUsage(text(row, columns, "customerId"), text(row, columns, "workload"),
                text(row, columns, "date"), number(row, columns, "storedBytes", problems),
                number(row, columns, "credits", problems));
    }

    private static String text(CsvRecord row, Map<String, Integer> columns, String column) {
        Integer position = columns.get(column);
        if (position == null || position >= row.getFieldCount()) {
            return null;
        }
        String value = row.getField(position).strip();
        return value.isEmpty() ? null : value;
    }

    private static BigDecimal number(CsvRecord row, Map<String, Integer> columns, String column,
            List<UploadRefused.Problem> problems) {
        String value = text(row, columns, column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            problems.add(new UploadRefused.Problem((int) row.getStartingLineNumber(), column, "\"" + value
                    + "\" is not a number; write digits with a dot for decimals, such as 1.25."));
            // Zero keeps "credits, storedBytes or both" from adding a second, misleading problem.
            return BigDecimal.ZERO;
        }
    }
}
