package org.corpusanalytics.transforms.report;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.dedup.RemovedSegment;
import org.corpusanalytics.transforms.output.Tables;
import org.corpusanalytics.transforms.report.ReportData.DailyCount;
import org.corpusanalytics.transforms.report.ReportData.EntityCount;
import org.corpusanalytics.transforms.report.ReportData.Mover;
import org.corpusanalytics.transforms.report.ReportData.Pair;
import org.corpusanalytics.transforms.report.ReportData.RemovedByReason;
import org.corpusanalytics.transforms.report.ReportData.RepeatedSentence;
import org.corpusanalytics.transforms.report.ReportData.Totals;
import org.corpusanalytics.transforms.support.CodePointOrder;
import org.corpusanalytics.transforms.support.SideInputCache;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * Builds the HTML report inside the pipeline, so it works on every runner: each chart's data is
 * reduced to a small top-N aggregate (with {@link Top} and combiners), the aggregates meet as side
 * inputs of a single element, and {@link ReportHtml} renders that element into one string.
 *
 * <p>Input, as a tuple: {@link #SUMMARY} (the one summary row), {@link #DEDUPED} (articles with
 * their removed spans), {@link #ENTITIES}, {@link #COMENTIONS}, {@link #ENTITY_DAILY} rows and,
 * optionally, {@link #MOVERS} rows. Output: one element, the page.
 */
public final class BuildReport extends PTransform<PCollectionTuple, PCollection<String>> {
  private static final long serialVersionUID = 1L;

  public static final TupleTag<Row> SUMMARY = new TupleTag<Row>() {};
  public static final TupleTag<DedupedArticle> DEDUPED = new TupleTag<DedupedArticle>() {};
  public static final TupleTag<Row> ENTITIES = new TupleTag<Row>() {};
  public static final TupleTag<Row> COMENTIONS = new TupleTag<Row>() {};
  public static final TupleTag<Row> ENTITY_DAILY = new TupleTag<Row>() {};
  public static final TupleTag<Row> MOVERS = new TupleTag<Row>() {};

  /** Top entities gathered for the heatmap and trends; the renderer takes distinct names. */
  static final int TOP_ENTITIES = 2 * ReportHtml.HEATMAP_ENTITIES;

  private final ReportData.Meta meta;
  private final SentenceSplitter splitter;

  private BuildReport(ReportData.Meta meta, SentenceSplitter splitter) {
    this.meta = meta;
    this.splitter = splitter;
  }

  /** {@code splitter} cuts removed text into the sentences the report counts. */
  public static BuildReport of(ReportData.Meta meta, SentenceSplitter splitter) {
    return new BuildReport(meta, splitter);
  }

  @Override
  public PCollection<String> expand(PCollectionTuple input) {
    PCollectionView<Row> summary = input.get(SUMMARY).apply("SummaryAsView", View.asSingleton());

    PCollection<DedupedArticle> deduped = input.get(DEDUPED);
    PCollectionView<Map<String, KV<Long, Long>>> reasons =
        deduped
            .apply("RemovedByReason", ParDo.of(new ReasonFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
            .apply("SumPerReason", Combine.perKey(new SumPairs()))
            .apply("ReasonsAsView", View.asMap());
    PCollectionView<List<KV<String, Long>>> repeated =
        deduped
            .apply("RemovedSentences", ParDo.of(new RemovedSentencesFn(splitter)))
            .setCoder(StringUtf8Coder.of())
            .apply("CountSentences", Count.perElement())
            .apply("TopSentences", Top.of(ReportHtml.TOP_ROWS, new ByCount()).asSingletonView());

    PCollection<Row> entities = input.get(ENTITIES);
    PCollectionView<List<Row>> topByType =
        entities
            .apply("KeyByType", ParDo.of(new KeyByTypeFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(Tables.ENTITIES)))
            .apply("TopPerType", Top.perKey(ReportHtml.TOP_PER_TYPE, new ByArticles()))
            .apply("FlattenTopPerType", ParDo.of(new ValuesFn()))
            .setRowSchema(Tables.ENTITIES)
            .apply("TopPerTypeAsView", View.asList());
    PCollectionView<List<Row>> topEntities =
        entities
            .apply("TopEntities", Top.of(TOP_ENTITIES, new ByArticles()).asSingletonView());

    PCollection<Row> comentions = input.get(COMENTIONS);
    PCollectionView<List<Row>> heatmapPairs =
        comentions
            .apply(
                "PairsOfTopEntities",
                ParDo.of(new PairsAmongFn(topEntities)).withSideInputs(topEntities))
            .setRowSchema(Tables.COMENTIONS)
            .apply("HeatmapPairsAsView", View.asList());
    PCollectionView<List<Row>> topPairs =
        comentions
            .apply("TopPairs", Top.of(ReportHtml.TOP_ROWS, new ByPairArticles()).asSingletonView());

    PCollectionView<List<Row>> daily =
        input
            .get(ENTITY_DAILY)
            .apply(
                "DailyOfTopEntities",
                ParDo.of(new DailyOfTopFn(topEntities)).withSideInputs(topEntities))
            .setRowSchema(Tables.ENTITY_DAILY)
            .apply("DailyAsView", View.asList());

    PCollection<Long> days =
        input
            .get(ENTITY_DAILY)
            .apply(
                "DailyDates",
                MapElements.into(TypeDescriptors.longs())
                    .via((Row r) -> r.getLogicalTypeValue("date", LocalDate.class).toEpochDay()));
    PCollectionView<Long> firstDay =
        days.apply("FirstDay", Min.longsGlobally().asSingletonView());
    PCollectionView<Long> lastDay =
        days.apply("LastDay", Max.longsGlobally().asSingletonView());

    PCollection<Row> moverRows =
        input.has(MOVERS)
            ? input.get(MOVERS)
            : input.getPipeline().apply("NoMovers", Create.empty(RowCoder.of(Tables.MOVERS)));
    PCollectionView<List<Row>> rising =
        moverRows
            .apply("Rising", Filter.by((Row r) -> r.getDouble("change") > 0))
            .apply("TopRising", Top.of(ReportHtml.TOP_MOVERS, new ByG2()).asSingletonView());
    PCollectionView<List<Row>> falling =
        moverRows
            .apply("Falling", Filter.by((Row r) -> r.getDouble("change") < 0))
            .apply("TopFalling", Top.of(ReportHtml.TOP_MOVERS, new ByG2()).asSingletonView());

    RenderFn render =
        new RenderFn(
            meta, summary, reasons, repeated, topByType, topEntities, heatmapPairs, topPairs,
            daily, firstDay, lastDay, rising, falling);
    return input
        .getPipeline()
        .apply("Once", Create.of(0))
        .apply(
            "Render",
            ParDo.of(render)
                .withSideInputs(
                    summary, reasons, repeated, topByType, topEntities, heatmapPairs, topPairs,
                    daily, firstDay, lastDay, rising, falling))
        .setCoder(StringUtf8Coder.of());
  }

  // ------------------------------------------------------------------------------- aggregates

  /** (reason, (segments, chars)) per removed span. */
  private static final class ReasonFn extends DoFn<DedupedArticle, KV<String, KV<Long, Long>>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element DedupedArticle a, OutputReceiver<KV<String, KV<Long, Long>>> out) {
      for (RemovedSegment s : a.removed()) {
        out.output(KV.of(s.reason(), KV.of(1L, (long) s.length())));
      }
    }
  }

  private static final class SumPairs extends Combine.BinaryCombineFn<KV<Long, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public KV<Long, Long> apply(KV<Long, Long> a, KV<Long, Long> b) {
      return KV.of(a.getKey() + b.getKey(), a.getValue() + b.getValue());
    }
  }

  /**
   * The normalized sentences of each removed span: dedup removes whole sentences, so splitting the
   * span again gives the sentences it removed, merged spans included.
   */
  private static final class RemovedSentencesFn extends DoFn<DedupedArticle, String> {
    private static final long serialVersionUID = 1L;
    private final SentenceSplitter splitter;
    private final TextNormalizer normalizer = new TextNormalizer();

    RemovedSentencesFn(SentenceSplitter splitter) {
      this.splitter = splitter;
    }

    @ProcessElement
    public void process(@Element DedupedArticle a, OutputReceiver<String> out) {
      String body = a.article().body();
      for (RemovedSegment s : a.removed()) {
        SegmentedText text =
            SegmentedText.of(body.substring(s.start(), s.end()), normalizer, splitter);
        for (int i = 0; i < text.size(); i++) {
          out.output(text.sentence(i));
        }
      }
    }
  }

  private static final class KeyByTypeFn extends DoFn<Row, KV<String, Row>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<String, Row>> out) {
      out.output(KV.of(row.getString("type"), row));
    }
  }

  private static final class ValuesFn extends DoFn<KV<String, List<Row>>, Row> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, List<Row>> e, OutputReceiver<Row> out) {
      for (Row r : e.getValue()) {
        out.output(r);
      }
    }
  }

  /** Co-mentions whose two entities are both on the heatmap's axis. */
  private static final class PairsAmongFn extends DoFn<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<List<Row>> top;
    private final SideInputCache<Set<String>> names = new SideInputCache<>();

    PairsAmongFn(PCollectionView<List<Row>> top) {
      this.top = top;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      Set<String> names =
          this.names.get(window, () -> ReportHtml.heatmapNames(entityCounts(c.sideInput(top))));
      Row pair = c.element();
      if (names.contains(pair.getString("entity_a")) && names.contains(pair.getString("entity_b"))) {
        c.output(pair);
      }
    }
  }

  /** entity_daily rows of the top entities. */
  private static final class DailyOfTopFn extends DoFn<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<List<Row>> top;
    private final SideInputCache<Set<String>> topKeys = new SideInputCache<>();

    DailyOfTopFn(PCollectionView<List<Row>> top) {
      this.top = top;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      Set<String> keys =
          topKeys.get(
              window,
              () -> {
                Set<String> k = new HashSet<>();
                for (Row r : c.sideInput(top)) {
                  k.add(r.getString("entity") + "\u0000" + r.getString("type"));
                }
                return k;
              });
      Row day = c.element();
      if (keys.contains(day.getString("entity") + "\u0000" + day.getString("type"))) {
        c.output(day);
      }
    }
  }

  // ------------------------------------------------------------------------------ comparators
  // Top keeps the greatest elements, so each order ends with names in reverse: on equal counts
  // the alphabetically first name is the greater one. Every order is total, so reruns agree.

  static final class ByCount implements Comparator<KV<String, Long>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(KV<String, Long> a, KV<String, Long> b) {
      int c = Long.compare(a.getValue(), b.getValue());
      return c != 0 ? c : CodePointOrder.INSTANCE.compare(b.getKey(), a.getKey());
    }
  }

  static final class ByArticles implements Comparator<Row>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Row a, Row b) {
      return Comparator.comparingLong((Row r) -> r.getInt64("articles"))
          .thenComparingLong(r -> r.getInt64("mentions"))
          .thenComparing((Row r) -> r.getString("entity"), CodePointOrder.INSTANCE.reversed())
          .thenComparing((Row r) -> r.getString("type"), CodePointOrder.INSTANCE.reversed())
          .compare(a, b);
    }
  }

  static final class ByPairArticles implements Comparator<Row>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Row a, Row b) {
      return Comparator.comparingLong((Row r) -> r.getInt64("articles"))
          .thenComparingDouble(r -> r.getDouble("npmi"))
          .thenComparingLong(r -> r.getInt64("sentences"))
          .thenComparing((Row r) -> r.getString("entity_a"), CodePointOrder.INSTANCE.reversed())
          .thenComparing((Row r) -> r.getString("entity_b"), CodePointOrder.INSTANCE.reversed())
          .compare(a, b);
    }
  }

  static final class ByG2 implements Comparator<Row>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Row a, Row b) {
      return Comparator.comparingDouble((Row r) -> r.getDouble("g2"))
          .thenComparing((Row r) -> r.getString("entity"), CodePointOrder.INSTANCE.reversed())
          .thenComparing((Row r) -> r.getString("type"), CodePointOrder.INSTANCE.reversed())
          .compare(a, b);
    }
  }

  // ----------------------------------------------------------------------------------- render

  static List<EntityCount> entityCounts(List<Row> rows) {
    List<EntityCount> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new EntityCount(
              r.getString("entity"), r.getString("type"), r.getInt64("mentions"),
              r.getInt64("articles")));
    }
    return out;
  }

  private static List<Pair> pairs(List<Row> rows) {
    List<Pair> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new Pair(
              r.getString("entity_a"), r.getString("entity_b"), r.getInt64("articles"),
              r.getInt64("sentences"), r.getDouble("npmi")));
    }
    return out;
  }

  private static List<Mover> movers(List<Row> rows) {
    List<Mover> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new Mover(
              r.getString("entity"), r.getString("type"), r.getInt64("articles_before"),
              r.getInt64("articles_now"), r.getDouble("change"), r.getDouble("g2")));
    }
    return out;
  }

  private static long total(Row summary, String column) {
    return summary.getSchema().hasField(column) ? summary.getInt64(column) : 0L;
  }

  /** Min and Max of nothing are Long.MAX_VALUE and Long.MIN_VALUE: no day. */
  private static LocalDate day(long epochDay) {
    return epochDay == Long.MAX_VALUE || epochDay == Long.MIN_VALUE
        ? null
        : LocalDate.ofEpochDay(epochDay);
  }

  static Totals totals(Row s) {
    return new Totals(
        total(s, "articles"),
        total(s, "articles_failed"),
        total(s, "chars_in"),
        total(s, "chars_removed"),
        total(s, "sentences"),
        total(s, "mentions"),
        total(s, "distinct_entities"),
        total(s, "articles_undated"),
        total(s, "articles_outside_window"));
  }

  private static final class RenderFn extends DoFn<Integer, String> {
    private static final long serialVersionUID = 1L;
    private final ReportData.Meta meta;
    private final PCollectionView<Row> summary;
    private final PCollectionView<Map<String, KV<Long, Long>>> reasons;
    private final PCollectionView<List<KV<String, Long>>> repeated;
    private final PCollectionView<List<Row>> topByType;
    private final PCollectionView<List<Row>> topEntities;
    private final PCollectionView<List<Row>> heatmapPairs;
    private final PCollectionView<List<Row>> topPairs;
    private final PCollectionView<List<Row>> daily;
    private final PCollectionView<Long> firstDay;
    private final PCollectionView<Long> lastDay;
    private final PCollectionView<List<Row>> rising;
    private final PCollectionView<List<Row>> falling;

    RenderFn(
        ReportData.Meta meta,
        PCollectionView<Row> summary,
        PCollectionView<Map<String, KV<Long, Long>>> reasons,
        PCollectionView<List<KV<String, Long>>> repeated,
        PCollectionView<List<Row>> topByType,
        PCollectionView<List<Row>> topEntities,
        PCollectionView<List<Row>> heatmapPairs,
        PCollectionView<List<Row>> topPairs,
        PCollectionView<List<Row>> daily,
        PCollectionView<Long> firstDay,
        PCollectionView<Long> lastDay,
        PCollectionView<List<Row>> rising,
        PCollectionView<List<Row>> falling) {
      this.meta = meta;
      this.summary = summary;
      this.reasons = reasons;
      this.repeated = repeated;
      this.topByType = topByType;
      this.topEntities = topEntities;
      this.heatmapPairs = heatmapPairs;
      this.topPairs = topPairs;
      this.daily = daily;
      this.firstDay = firstDay;
      this.lastDay = lastDay;
      this.rising = rising;
      this.falling = falling;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      List<RemovedByReason> byReason = new ArrayList<>();
      for (Map.Entry<String, KV<Long, Long>> e : c.sideInput(reasons).entrySet()) {
        byReason.add(
            new RemovedByReason(e.getKey(), e.getValue().getKey(), e.getValue().getValue()));
      }
      List<RepeatedSentence> sentences = new ArrayList<>();
      for (KV<String, Long> s : c.sideInput(repeated)) {
        sentences.add(new RepeatedSentence(s.getKey(), s.getValue()));
      }
      List<DailyCount> days = new ArrayList<>();
      for (Row r : c.sideInput(daily)) {
        days.add(
            new DailyCount(
                r.getLogicalTypeValue("date", LocalDate.class), r.getString("entity"),
                r.getString("type"), r.getInt64("mentions"), r.getInt64("articles")));
      }
      List<Row> moverRows = new ArrayList<>(c.sideInput(rising));
      moverRows.addAll(c.sideInput(falling));
      ReportData data =
          new ReportData(
              meta,
              totals(c.sideInput(summary)),
              byReason,
              sentences,
              entityCounts(c.sideInput(topByType)),
              entityCounts(c.sideInput(topEntities)),
              pairs(c.sideInput(heatmapPairs)),
              pairs(c.sideInput(topPairs)),
              days,
              day(c.sideInput(firstDay)),
              day(c.sideInput(lastDay)),
              movers(moverRows));
      c.output(ReportHtml.render(data));
    }
  }
}
