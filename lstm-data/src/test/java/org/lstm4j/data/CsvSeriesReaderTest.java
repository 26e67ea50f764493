package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.DataSpec.MissingPolicy;

class CsvSeriesReaderTest {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsTheRequestedColumnsInTheRequestedOrderWithTimeLabels() throws IOException {
        Path file = csv("sun.csv", "YEAR,SUNACTIVITY,OTHER\n1700,5.0,1\n1701,11,2\n1702,1.6e1,-3\n");

        Series series = CsvSeriesReader.read(file, ',', "YEAR", List.of("OTHER", "SUNACTIVITY"), MissingPolicy.ERROR);

        assertThat(series.columns()).containsExactly("OTHER", "SUNACTIVITY");
        assertThat(series.length()).isEqualTo(3);
        assertThat(series.column("OTHER")).containsExactly(1, 2, -3);
        assertThat(series.column("SUNACTIVITY")).containsExactly(5, 11, 16);
        assertThat(series.timeLabels()).containsExactly("1700", "1701", "1702");
    }

    @Test
    void withoutATimeColumnThereAreNoTimeLabels() throws IOException {
        Path file = csv("plain.csv", "a;b\r\n1;2\r\n3;4\r\n");

        Series series = CsvSeriesReader.read(file, ';', null, List.of("b"), MissingPolicy.ERROR);

        assertThat(series.timeLabels()).isNull();
        assertThat(series.column("b")).containsExactly(2, 4);
    }

    @Test
    void readHeaderReturnsTheTrimmedColumnNamesAndSkipsAByteOrderMark() throws IOException {
        Path file = csv("header.csv", "\uFEFFdate, price ,\"volume, shares\"\n2024-01-01,1,2\n");

        assertThat(CsvSeriesReader.readHeader(file, ',')).containsExactly("date", "price", "volume, shares");
    }

    @Test
    void quotedFieldsMayHoldTheDelimiterEscapedQuotesAndLineBreaks() throws IOException {
        Path file = csv("quoted.csv", """
                date,"price, usd",note
                2024-01-01,1.5,"hello, world"
                2024-01-02,"2.5","she said ""hi"", then left"
                2024-01-03,3.5,"two
                lines"
                2024-01-04,4.5,plain
                """);

        Series series = CsvSeriesReader.read(file, ',', "date", List.of("price, usd"), MissingPolicy.ERROR);

        assertThat(series.column("price, usd")).containsExactly(1.5, 2.5, 3.5, 4.5);
        assertThat(series.timeLabels()).containsExactly("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04");
    }

    @Test
    void linesAreCountedPhysicallyAfterAQuotedLineBreak() throws IOException {
        Path file = csv("lines.csv", "t,v,note\n1,1,\"a\nb\nc\"\n2,oops,x\n");

        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', "t", List.of("v"), MissingPolicy.ERROR))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ":5: column 'v': cannot read 'oops' as a number");
    }

    @Test
    void acceptsIsoDatesDateTimesAndOffsetDateTimesAsTimeValues() throws IOException {
        Path file = csv("iso.csv", """
                when,v
                2024-01-01,1
                2024-01-01T10:15:30,2
                2024-01-01T10:15:30+01:00,3
                2024-01-01T10:15:30Z,4
                2024-01-01 10:15,5
                2024-02,6
                """);

        Series series = CsvSeriesReader.read(file, ',', "when", List.of("v"), MissingPolicy.ERROR);

        assertThat(series.timeLabels()).containsExactly("2024-01-01", "2024-01-01T10:15:30",
                "2024-01-01T10:15:30+01:00", "2024-01-01T10:15:30Z", "2024-01-01 10:15", "2024-02");
    }

    @Test
    void aTimeValueThatIsNeitherNumberNorIsoDateNamesFileAndLine() throws IOException {
        Path file = csv("dates.csv", "when,v\n2024-01-01,1\n01/02/2024,2\n");

        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', "when", List.of("v"), MissingPolicy.ERROR))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ":3: time column 'when': '01/02/2024' is neither a number nor an ISO-8601");
    }

    @Test
    void aMissingTimeValueIsAnErrorWhateverThePolicy() throws IOException {
        Path file = csv("notime.csv", "when,v\n1,1\n,2\n");

        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', "when", List.of("v"), MissingPolicy.DROP))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ":3: time column 'when': missing value");
    }

    @Test
    void anUnreadableNumberNamesFileLineColumnAndText() throws IOException {
        Path file = csv("bad.csv", "YEAR,SUNACTIVITY\n1700,5\n1701,abc\n");

        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', "YEAR", List.of("SUNACTIVITY"), MissingPolicy.ERROR))
                .isExactlyInstanceOf(DataException.class)
                .hasMessage(file + ":3: column 'SUNACTIVITY': cannot read 'abc' as a number")
                .hasNoCause();
    }

    @Test
    void numbersJavaWouldAcceptButCsvShouldNotAreRejected() throws IOException {
        for (String text : List.of("1.5f", "0x10", "Infinity", "1e999", "1,5")) {
            Path file = csv("odd.csv", "v\n1\n\"" + text + "\"\n");
            assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', null, List.of("v"), MissingPolicy.ERROR))
                    .as(text)
                    .isInstanceOf(DataException.class)
                    .hasMessage(file + ":3: column 'v': cannot read '" + text + "' as a number");
        }
    }

    @Test
    void aMissingColumnListsTheColumnsThatExist() throws IOException {
        Path file = csv("cols.csv", "YEAR,SUNACTIVITY\n1700,5\n");

        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', "YEAR", List.of("SPOTS"), MissingPolicy.ERROR))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ":1: no column 'SPOTS'; the columns are [YEAR, SUNACTIVITY]");
        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', "year", List.of("SUNACTIVITY"), MissingPolicy.ERROR))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ":1: no column 'year' (did you mean 'YEAR'?); the columns are [YEAR, SUNACTIVITY]");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsNamesItsLine() throws IOException {
        Path file = csv("ragged.csv", "a,b\n1,2\n\n3,4,5\n");

        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', null, List.of("a"), MissingPolicy.ERROR))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ":4: expected 2 fields as in the header, found 3");
    }

    @Test
    void anEmptyFileOrAHeaderAloneIsRefused() throws IOException {
        Path empty = csv("empty.csv", "");
        Path headerOnly = csv("header-only.csv", "a,b\n\n");

        assertThatThrownBy(() -> CsvSeriesReader.read(empty, ',', null, List.of("a"), MissingPolicy.ERROR))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(empty + ":1: the file is empty");
        assertThatThrownBy(() -> CsvSeriesReader.readHeader(empty, ','))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(empty + ":1: the file is empty");
        assertThatThrownBy(() -> CsvSeriesReader.read(headerOnly, ',', null, List.of("a"), MissingPolicy.ERROR))
                .isInstanceOf(DataException.class)
                .hasMessage(headerOnly + ":1: no data rows after the header");
    }

    @Test
    void aFileThatDoesNotExistIsADataException() {
        Path absent = dir.resolve("absent.csv");

        assertThatThrownBy(() -> CsvSeriesReader.read(absent, ',', null, List.of("a"), MissingPolicy.ERROR))
                .isInstanceOf(DataException.class)
                .hasMessage(absent + ": no such file");
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereTheRecordStarts() throws IOException {
        Path file = csv("unclosed.csv", "a,b\n1,2\n3,\"4\n5,6\n");

        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', null, List.of("a"), MissingPolicy.ERROR))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ":3: a quoted field is not closed before the end of the file");
    }

    /** Lines: 1 header, 2..6 data. A misses on lines 3, 4, 6; B on line 4. */
    private static final String GAPS = """
            YEAR,A,B
            1,1.0,10
            2,,20
            3,NA,nan
            4,4.0,40
            5,null,50
            """;

    @Test
    void errorPolicyNamesTheFirstMissingCellInFileOrder() throws IOException {
        Path file = csv("gaps.csv", GAPS);

        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', "YEAR", List.of("B", "A"), MissingPolicy.ERROR))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ":3: column 'A': missing value (set data.missing to interpolate, forward_fill or drop)");
    }

    @Test
    void interpolatePolicyFillsLinearlyAndTheTrailingGapWithTheLastValue() throws IOException {
        Path file = csv("gaps.csv", GAPS);

        Series series = CsvSeriesReader.read(file, ',', "YEAR", List.of("A", "B"), MissingPolicy.INTERPOLATE);

        assertThat(series.column("A")).containsExactly(1, 2, 3, 4, 4);
        assertThat(series.column("B")).containsExactly(10, 20, 30, 40, 50);
        assertThat(series.timeLabels()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void forwardFillPolicyCarriesTheLastValue() throws IOException {
        Path file = csv("gaps.csv", GAPS);

        Series series = CsvSeriesReader.read(file, ',', "YEAR", List.of("A", "B"), MissingPolicy.FORWARD_FILL);

        assertThat(series.column("A")).containsExactly(1, 1, 1, 4, 4);
        assertThat(series.column("B")).containsExactly(10, 20, 20, 40, 50);
    }

    @Test
    void dropPolicyRemovesWholeRowsWithTheirTimeLabels() throws IOException {
        Path file = csv("gaps.csv", GAPS);

        Series series = CsvSeriesReader.read(file, ',', "YEAR", List.of("A", "B"), MissingPolicy.DROP);

        assertThat(series.column("A")).containsExactly(1, 4);
        assertThat(series.column("B")).containsExactly(10, 40);
        assertThat(series.timeLabels()).containsExactly("1", "4");
    }

    @Test
    void dropPolicyOnlyLooksAtTheRequestedColumns() throws IOException {
        Path file = csv("gaps.csv", GAPS);

        Series series = CsvSeriesReader.read(file, ',', null, List.of("B"), MissingPolicy.DROP);

        assertThat(series.column("B")).containsExactly(10, 20, 40, 50);
    }

    @Test
    void aColumnWithoutAnyValueCannotBeFilled() throws IOException {
        Path file = csv("void.csv", "a,b\n1,\n2,NA\n");

        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', null, List.of("a", "b"), MissingPolicy.INTERPOLATE))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": column 'b': every value is missing");
        assertThatThrownBy(() -> CsvSeriesReader.read(file, ',', null, List.of("a", "b"), MissingPolicy.DROP))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": every row has a missing value");
    }

    @Test
    void tabSeparatedFilesWork() throws IOException {
        Path file = csv("tabs.tsv", "t\tv\n0\t0.5\n1\t-0.25\n");

        Series series = CsvSeriesReader.read(file, '\t', "t", List.of("v"), MissingPolicy.ERROR);

        assertThat(series.column("v")).containsExactly(0.5, -0.25);
    }
}
