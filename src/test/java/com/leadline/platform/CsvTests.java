package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.CsvReading;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The export's cells: quoted when they must be, and never read as a formula by a spreadsheet. */
class CsvTests {

    @Test
    void plainCellsStayAsTheyAreAndRowsEndWithCrLf() {
        assertThat(Csv.row(List.of("Ada Lovelace", "", "ada@example.com"))).isEqualTo("Ada Lovelace,,ada@example.com\r\n");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(Csv.cell("Smith, Jane")).isEqualTo("\"Smith, Jane\"");
        assertThat(Csv.cell("The \"big\" one")).isEqualTo("\"The \"\"big\"\" one\"");
        assertThat(Csv.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(Csv.cell("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
    }

    @Test
    void cellsThatStartLikeAFormulaGetAnApostrophe() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        assertThat(Csv.cell("+15551234567")).isEqualTo("'+15551234567");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void whatTheWriterWritesReadsBackCellForCell() {
        List<String> cells = List.of("Smith, \"JJ\"", "=1+1", "two\r\nlines", "", "plain");
        assertThat(CsvReading.parse(Csv.row(cells) + Csv.row(List.of("x"))))
                .containsExactly(List.of("Smith, \"JJ\"", "'=1+1", "two\r\nlines", "", "plain"), List.of("x"));
    }
}
