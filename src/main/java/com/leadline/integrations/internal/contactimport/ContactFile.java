package com.leadline.integrations.internal.contactimport;

import com.leadline.platform.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded contacts file read as CSV (RFC 4180, commas, UTF-8 with or without a byte order mark) with
 * commons-csv: a header row and at least one row under it. What is not such a file is refused under the field
 * {@value #FIELD} with words that say what to do. Rows are numbered as a spreadsheet numbers them: the header
 * is row 1 (a record that spans lines, a quoted cell with a line break, counts once).
 */
final class ContactFile {

    static final String FIELD = "file";
    static final int MAX_COLUMNS = 50;
    static final int MAX_ROW_CHARACTERS = 20_000;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** One data row: its number in the file and its cells (as many as it has). */
    record Row(int number, List<String> cells) {

        String cell(Integer column) {
            return column == null || column >= cells.size() ? "" : cells.get(column).strip();
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** The file as text, its header and how many data rows (not blank) it has. */
    record Parsed(String content, List<String> header, int rows) {
    }

    private ContactFile() {
    }

    static Parsed read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw refuse("The file is empty. Choose a CSV file with a header row and one contact per row.");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw refuse("This file is not a CSV file (it holds binary data). Save it as \"CSV UTF-8\" from your spreadsheet.");
            }
        }
        String text = utf8(bytes);
        List<String> header = new ArrayList<>();
        int[] rows = {0};
        each(text, header::addAll, row -> rows[0] += row.blank() ? 0 : 1, Integer.MAX_VALUE);
        if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
            throw refuse("The file has no header row. Its first row names the columns, like Name,Phone,Email.");
        }
        if (rows[0] == 0) {
            throw refuse("The file has a header row but no contacts under it.");
        }
        return new Parsed(text, header.stream().map(String::strip).toList(), rows[0]);
    }

    /** The first {@code limit} data rows that are not blank. */
    static List<Row> first(String content, int limit) {
        List<Row> rows = new ArrayList<>();
        each(content, header -> { }, row -> {
            if (!row.blank() && rows.size() < limit) {
                rows.add(row);
            }
        }, limit);
        return rows;
    }

    /**
     * Every data row after the header, in order, blank ones included (a caller skips them), reading no further
     * than {@code upTo} rows that are not blank.
     */
    static void each(String content, Consumer<List<String>> header, Consumer<Row> rows, int upTo) {
        try (CSVParser parser = CSVParser.parse(new StringReader(content), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            int taken = 0;
            boolean first = true;
            while (taken < upTo && hasNext(records, parser)) {
                CSVRecord record = records.next();
                List<String> cells = record.toList();
                if (cells.size() > MAX_COLUMNS) {
                    throw refuse("Row " + record.getRecordNumber() + " has " + cells.size() + " columns; a file may have up to "
                            + MAX_COLUMNS + ".");
                }
                if (cells.stream().mapToInt(String::length).sum() > MAX_ROW_CHARACTERS) {
                    throw refuse("Row " + record.getRecordNumber() + " is longer than " + String.format("%,d", MAX_ROW_CHARACTERS)
                            + " characters. Is this a CSV file of contacts?");
                }
                if (first) {
                    header.accept(cells);
                    first = false;
                    continue;
                }
                Row row = new Row(Math.toIntExact(record.getRecordNumber()), cells);
                rows.accept(row);
                taken += row.blank() ? 0 : 1;
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static boolean hasNext(Iterator<CSVRecord> records, CSVParser parser) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException unreadable) {
            throw refuse("The file is not valid CSV after row " + parser.getRecordNumber()
                    + ": a quoted cell is not closed, or a quote stands inside a cell that is not quoted.");
        }
    }

    /** The bytes as UTF-8 text without its byte order mark; refused when they are not UTF-8 text. */
    private static String utf8(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw refuse("This file is not text in UTF-8. Save it as \"CSV UTF-8\" from your spreadsheet and upload it again.");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static InvalidInputException refuse(String message) {
        return InvalidInputException.of(FIELD, message);
    }
}
