package eu.tutela.portal.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;

/**
 * A roster file as spreadsheets save it, read with Commons CSV: the byte-order mark dropped, the encoding given, the
 * separator (comma, semicolon or tab) found in the header line, quoted fields with line breaks, surrounding spaces
 * trimmed. Rows are numbered as the spreadsheet numbers them (the header is row 1).
 */
final class RosterCsv implements AutoCloseable {

    private static final int HEADER_WINDOW = 1 << 16;
    /** What a folded header or code leaves out (compiled once: codes are folded for every row). */
    private static final Pattern FOLDED_OUT = Pattern.compile("[\\s_.\\-'’]");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT));

    final String file;
    private final CSVParser parser;
    /** Header names folded (no accents, case, spaces, underscores or hyphens) to their position. */
    private final Map<String, Integer> columns = new HashMap<>();

    private RosterCsv(String file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        List<String> names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(fold(names.get(i)), i);
        }
    }

    static RosterCsv open(String file, InputStream bytes, TextEncoding encoding) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(BOMInputStream.builder().setInputStream(bytes).get(),
                encoding.charset()), HEADER_WINDOW);
        reader.mark(HEADER_WINDOW);
        String header = reader.readLine();
        reader.reset();
        if (header == null || header.isBlank()) {
            throw new RosterRefusal("people.import.empty", file);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(separator(header))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .get();
        try {
            return new RosterCsv(file, CSVParser.builder().setReader(reader).setFormat(format).get());
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException broken) {
            throw new RosterRefusal("people.import.unreadable", file);
        }
    }

    /** The separator that splits the header line into most fields, outside quotes; a comma when nothing does. */
    static char separator(String header) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** Whether the header has a column under any of these (folded) names. */
    boolean has(String... names) {
        return column(names).isPresent();
    }

    Optional<Integer> column(String... names) {
        for (String name : names) {
            Integer index = columns.get(fold(name));
            if (index != null) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    /**
     * The rows, one at a time; a file cut inside a quoted field (truncated) is refused with the row where it broke.
     */
    void forEach(RowConsumer consumer) throws IOException {
        var rows = parser.iterator();
        while (true) {
            CSVRecord record;
            try {
                if (!rows.hasNext()) {
                    return;
                }
                record = rows.next();
            } catch (UncheckedIOException | IllegalStateException broken) {
                throw new RosterRefusal("people.import.truncated", file + " (" + (parser.getRecordNumber() + 2) + ")");
            }
            consumer.accept(new Row(record));
        }
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(Row row) throws IOException;
    }

    /** One row: its spreadsheet line number and its fields by column position (a missing trailing field is empty). */
    static final class Row {

        private final CSVRecord record;

        Row(CSVRecord record) {
            this.record = record;
        }

        long line() {
            return record.getRecordNumber() + 1;
        }

        String get(Optional<Integer> column) {
            if (column.isEmpty() || column.get() >= record.size()) {
                return null;
            }
            String value = record.get(column.get());
            // A line break inside a quoted cell is kept, the same whichever system saved the file.
            return value == null || value.isBlank() ? null : value.strip().replace("\r\n", "\n");
        }
    }

    /** A date as spreadsheets write it: ISO (2014-03-07) or day first (07/03/2014, 7.3.2014, 07-03-2014). */
    static Optional<LocalDate> date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), format));
            } catch (DateTimeParseException notThisOne) {
                // try the next way of writing it
            }
        }
        return Optional.empty();
    }

    /** A header or a code as compared: without accents, case, spaces, underscores, hyphens or dots. */
    static String fold(String text) {
        return FOLDED_OUT.matcher(SearchText.fold(text)).replaceAll("");
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
