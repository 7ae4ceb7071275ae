package org.corpusanalytics.transforms.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import org.apache.beam.sdk.values.Row;
import org.junit.Test;

public class CsvCellsTest {
  @Test
  public void formulaLikeTextIsNeutralized() {
    for (String formula : new String[] {"=SUM(A1)", "+1", "-2+3", "@cmd", "\tx", "\rx"}) {
      assertThat(CsvCells.neutralizeFormula(formula), equalTo("'" + formula));
    }
    assertThat(CsvCells.neutralizeFormula("Oslo"), equalTo("Oslo"));
    assertThat(CsvCells.neutralizeFormula(""), equalTo(""));
  }

  @Test
  public void linesQuoteWhenNeededAndKeepNumbersAndDates() {
    Row row =
        Row.withSchema(Tables.ARTICLES)
            .addValues("a1", "Quote \"this\", please", LocalDate.of(2024, 3, 5), null, 10L, 0L,
                null, 2L, -1L)
            .build();
    assertThat(
        CsvCells.line(row), equalTo("a1,\"Quote \"\"this\"\", please\",2024-03-05,,10,0,,2,-1"));
    assertThat(
        CsvCells.header(Tables.ENTITIES), equalTo("entity,type,mentions,articles"));
  }

  @Test
  public void anEmptyFirstCellIsBareLikeEveryOther() {
    Row row = Row.withSchema(Tables.ENTITY_SOURCES).addValues(null, "Oslo", "LOCATION", 2L, 1L).build();
    assertThat(CsvCells.line(row), equalTo(",Oslo,LOCATION,2,1"));
    Row quoted = Row.withSchema(Tables.ENTITY_SOURCES).addValues(null, "a,b", "", 2L, 1L).build();
    assertThat(CsvCells.line(quoted), equalTo(",\"a,b\",,2,1"));
  }

  @Test
  public void newlinesInsideCellsAreQuoted() {
    Row row = Row.withSchema(Tables.ENTITIES).addValues("a\nb", "=X", 1L, 1L).build();
    assertThat(CsvCells.line(row), equalTo("\"a\nb\",'=X,1,1"));
  }
}
