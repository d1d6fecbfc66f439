package dev.evidentry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void splitsRecordsAndFields() {
        assertThat(Csv.parse("a,b,c\n1,2,3\n")).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void keepsEmptyFieldsAndHandlesCrLfAndNoFinalLineBreak() {
        assertThat(Csv.parse("a,,c\r\n,2,")).containsExactly(List.of("a", "", "c"), List.of("", "2", ""));
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        assertThat(Csv.parse("\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"))
                .containsExactly(List.of("x,y", "say \"hi\"", "two\nlines"));
    }

    @Test
    void skipsBlankLines() {
        assertThat(Csv.parse("a\n\nb\n")).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void anUnclosedQuoteIsMalformed() {
        assertThatThrownBy(() -> Csv.parse("\"open,1\n")).isInstanceOf(MalformedResponseException.class);
    }
}
