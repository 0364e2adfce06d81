package com.leadline.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows of comma-separated values as RFC 4180 writes them (a cell with a comma, quote or line break is
 * quoted, its quotes doubled; rows end with CRLF), safe to open in a spreadsheet: a cell that starts
 * like a formula (= + - @, or a tab or carriage return) gets a leading apostrophe, so it stays text.
 * Every CSV download uses it: the contacts export and the account's audit log.
 */
public final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    public static String row(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
