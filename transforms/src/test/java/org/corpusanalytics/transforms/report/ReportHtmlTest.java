package org.corpusanalytics.transforms.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpusanalytics.transforms.report.ReportData.DailyCount;
import org.corpusanalytics.transforms.report.ReportData.EntityCount;
import org.corpusanalytics.transforms.report.ReportData.Meta;
import org.corpusanalytics.transforms.report.ReportData.Mover;
import org.corpusanalytics.transforms.report.ReportData.Pair;
import org.corpusanalytics.transforms.report.ReportData.RemovedByReason;
import org.corpusanalytics.transforms.report.ReportData.RepeatedSentence;
import org.corpusanalytics.transforms.report.ReportData.Totals;
import org.junit.Test;

/** The renderer alone, without a runner. */
public class ReportHtmlTest {
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String ATTRIBUTE_BREAKER = "\" onmouseover=\"alert(2)";
  private static final String AMPERSAND = "AT&T <Labs>";

  static ReportData sample(boolean compared) {
    List<EntityCount> entities =
        List.of(
            new EntityCount("Helen Carter", "PERSON", 9, 4),
            new EntityCount(SCRIPT, "PERSON", 5, 3),
            new EntityCount("Oslo", "LOCATION", 6, 3),
            new EntityCount(AMPERSAND, "ORGANIZATION", 4, 2),
            new EntityCount(ATTRIBUTE_BREAKER, "MISC", 2, 2),
            new EntityCount("Canada", "LOCATION", 2, 1));
    List<Pair> pairs =
        List.of(
            new Pair(SCRIPT, "Helen Carter", 2, 1, 0.61),
            new Pair("Helen Carter", "Oslo", 3, 2, 0.8),
            new Pair("Canada", "Oslo", 1, 1, -0.2),
            new Pair(AMPERSAND, "Oslo", 1, 0, 0.1));
    LocalDate d = LocalDate.parse("2024-03-05");
    List<DailyCount> daily =
        List.of(
            new DailyCount(d, "Helen Carter", "PERSON", 3, 2),
            new DailyCount(d.plusDays(2), "Helen Carter", "PERSON", 6, 2),
            new DailyCount(d.plusDays(1), SCRIPT, "PERSON", 5, 3),
            new DailyCount(d, "Oslo", "LOCATION", 6, 3));
    List<Mover> movers =
        List.of(
            new Mover(SCRIPT, "PERSON", 0, 3, 0.3, 4.2),
            new Mover("Oslo", "LOCATION", 5, 3, -0.2, 1.1),
            new Mover("Helen Carter", "PERSON", 4, 4, 0.0, 0.0));
    return new ReportData(
        new Meta(
            "2024-03-10",
            LocalDate.parse("2024-03-05"),
            LocalDate.parse("2024-03-09"),
            compared ? "out/run_date=2024-03-09 <old>" : null,
            "DirectRunner",
            "corpus",
            "in/*.jsonl\" <b>"),
        new Totals(10, 1, 5000, 1200, 80, 40, 6, 2, 3),
        List.of(
            new RemovedByReason("repeat_in_article", 1, 700),
            new RemovedByReason("repeat_across_articles", 3, 500)),
        List.of(
            new RepeatedSentence("Reporting by " + SCRIPT + "; Editing by Maria.", 3),
            new RepeatedSentence("Subscribe & save.", 5)),
        entities,
        entities,
        pairs,
        pairs,
        daily,
        LocalDate.parse("2024-03-04"),
        LocalDate.parse("2024-03-09"),
        compared ? movers : List.of());
  }

  @Test
  public void articleTextIsEscapedEverywhere() throws Exception {
    String html = ReportHtml.render(sample(true));
    Files.createDirectories(Paths.get("target"));
    Files.writeString(Paths.get("target", "report-unit.html"), html, StandardCharsets.UTF_8);

    assertThat(html, not(containsString("<script")));
    assertThat(html, not(containsString("alert(1)</")));
    assertThat(html, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertThat(html, not(containsString(ATTRIBUTE_BREAKER)));
    assertThat(html, containsString("&quot; onmouseover=&quot;alert(2)"));
    assertThat(html, containsString("AT&amp;T &lt;Labs&gt;"));
    assertThat(html, not(containsString("<Labs>")));
    assertThat(html, not(containsString("<old>")));
    assertThat(html, not(containsString("<b>")));
    // Every '&' starts an entity or character reference.
    Matcher amp = Pattern.compile("&(?!(amp|lt|gt|quot|#39|nbsp);)").matcher(html);
    assertThat(amp.find() ? html.substring(amp.start(), amp.start() + 20) : "", equalTo(""));
  }

  @Test
  public void everySectionAndChartIsThere() {
    String html = ReportHtml.render(sample(true));
    for (String id :
        List.of(
            "summary", "dedup", "chart-dedup", "dedup-reasons", "repeated-sentences", "entities",
            "chart-entities-person", "chart-entities-organization", "chart-entities-location",
            "chart-entities-misc", "comentions", "chart-heatmap", "top-pairs", "trends",
            "chart-trends", "movers", "chart-movers", "movers-table")) {
      assertThat(id, html, containsString("id=\"" + id + "\""));
    }
    assertThat(count(html, "<rect class=\"bar\""), greaterThan(5));
    assertThat(count(html, "<rect class=\"cell\""), equalTo(36)); // 6 distinct names squared
    assertThat(count(html, "<path class=\"series\""), equalTo(3));
    assertThat(html, containsString("Subscribe &amp; save."));
    // The most removed sentence comes first.
    assertThat(
        html.indexOf("Subscribe &amp; save."), org.hamcrest.Matchers.lessThan(html.indexOf("Reporting by")));
  }

  @Test
  public void selfContainedWithoutScriptsOrNetwork() {
    String html = ReportHtml.render(sample(true));
    String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertThat(withoutSvgNamespace, not(containsString("http://")));
    assertThat(withoutSvgNamespace, not(containsString("https://")));
    assertThat(html, not(containsString("src=")));
    assertThat(html, not(containsString("@import")));
    assertThat(html, not(containsString("<link")));
    assertThat(html, containsString("<meta charset=\"utf-8\">"));
  }

  @Test
  public void theSameDataInAnyOrderRendersTheSameBytes() {
    ReportData a = sample(true);
    ReportData b =
        new ReportData(
            a.meta(), a.totals(), reversed(a.removedByReason()), reversed(a.repeatedSentences()),
            reversed(a.topEntitiesByType()), reversed(a.topEntities()), reversed(a.heatmapPairs()),
            reversed(a.topPairs()), reversed(a.daily()), a.firstDay(), a.lastDay(),
            reversed(a.movers()));
    assertThat(ReportHtml.render(b), equalTo(ReportHtml.render(a)));
  }

  @Test
  public void anEmptyRunStillRendersEverySection() {
    ReportData empty =
        new ReportData(
            new Meta("2024-03-10", null, null, null, "DirectRunner", "corpus", "in/*"),
            new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
            null, List.of());
    String html = ReportHtml.render(empty);
    for (String id : List.of("summary", "dedup", "entities", "comentions", "trends", "movers")) {
      assertThat(html, containsString("<section id=\"" + id + "\""));
    }
    assertThat(html, containsString("No entities were found."));
    assertThat(html, containsString("Not compared with an earlier run."));
  }

  @Test
  public void placeholderDatesDoNotStretchTheTrendsOverCenturies() {
    ReportData a = sample(false);
    List<DailyCount> daily = new ArrayList<>(a.daily());
    daily.add(new DailyCount(LocalDate.parse("0001-01-01"), "Helen Carter", "PERSON", 1, 1));
    daily.add(new DailyCount(LocalDate.parse("+1000000-01-01"), "Oslo", "LOCATION", 2, 1));
    ReportData b =
        new ReportData(
            a.meta(), a.totals(), a.removedByReason(), a.repeatedSentences(),
            a.topEntitiesByType(), a.topEntities(), a.heatmapPairs(), a.topPairs(), daily,
            LocalDate.parse("0001-01-01"), LocalDate.parse("+1000000-01-01"), a.movers());
    String html = ReportHtml.render(b);
    assertThat(
        html,
        containsString(
            "Drawn: the busiest 366 days, 2024-03-05 to 2024-03-07; 2 of these counts fall on days"
                + " outside them (from 0001-01-01 to +1000000-01-01)"));
    // Three days drawn, as without the stray dates, not hundreds of millions.
    assertThat(html.length(), lessThan(2 * ReportHtml.render(a).length()));
  }

  @Test
  public void theBusiestSpanIsTheLatestOfTheFullestStretches() {
    TreeMap<LocalDate, Long> perDay = new TreeMap<>();
    perDay.put(LocalDate.parse("2020-01-01"), 5L);
    perDay.put(LocalDate.parse("2020-01-03"), 5L);
    perDay.put(LocalDate.parse("2020-01-20"), 3L);
    perDay.put(LocalDate.parse("2020-01-21"), 7L);
    assertThat(
        List.of(ReportHtml.busiestSpan(perDay, 3)),
        equalTo(List.of(LocalDate.parse("2020-01-20"), LocalDate.parse("2020-01-21"))));
    assertThat(
        List.of(ReportHtml.busiestSpan(perDay, 1)),
        equalTo(List.of(LocalDate.parse("2020-01-21"), LocalDate.parse("2020-01-21"))));
  }

  @Test
  public void controlCharactersAndLoneSurrogatesAreReplaced() {
    assertThat(Html.escape("a\u0000b\u0007c\uD800d\tok"), equalTo("a\uFFFDb\uFFFDc\uFFFDd\tok"));
    assertThat(Html.escape("emoji \uD83D\uDE00 stays"), equalTo("emoji \uD83D\uDE00 stays"));
    assertThat(Html.shorten("a  b\ncd", 10), equalTo("a b cd"));
    assertThat(Html.shorten("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2), equalTo("\uD83D\uDE00…"));
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

}
