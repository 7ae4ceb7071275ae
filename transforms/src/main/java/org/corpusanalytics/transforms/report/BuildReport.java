package org.corpusanalytics.transforms.report;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
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
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
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
import org.corpusanalytics.transforms.support.MarkedView;
import org.corpusanalytics.transforms.support.SideInputCache;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * Builds the HTML report inside the pipeline, so it works on every runner: each chart's data is
 * reduced to a small top-N aggregate (with {@link Top} and combiners), the aggregates meet in one
 * grouping under a single key, and {@link ReportHtml} renders that group into one string.
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

  // One part per aggregate, all under the key ONCE; the render step reads them from one grouping.
  private static final Integer ONCE = 0;
  private static final TupleTag<Integer> ONCE_PART = new TupleTag<Integer>() {};
  private static final TupleTag<Row> SUMMARY_PART = new TupleTag<Row>() {};
  private static final TupleTag<KV<String, KV<Long, Long>>> REASONS_PART =
      new TupleTag<KV<String, KV<Long, Long>>>() {};
  private static final TupleTag<List<KV<String, Long>>> REPEATED_PART =
      new TupleTag<List<KV<String, Long>>>() {};
  private static final TupleTag<Row> TOP_BY_TYPE_PART = new TupleTag<Row>() {};
  private static final TupleTag<List<Row>> TOP_ENTITIES_PART = new TupleTag<List<Row>>() {};
  private static final TupleTag<Row> HEATMAP_PART = new TupleTag<Row>() {};
  private static final TupleTag<List<Row>> TOP_PAIRS_PART = new TupleTag<List<Row>>() {};
  private static final TupleTag<Row> DAILY_PART = new TupleTag<Row>() {};
  private static final TupleTag<Long> FIRST_DAY_PART = new TupleTag<Long>() {};
  private static final TupleTag<Long> LAST_DAY_PART = new TupleTag<Long>() {};
  private static final TupleTag<List<Row>> RISING_PART = new TupleTag<List<Row>>() {};
  private static final TupleTag<List<Row>> FALLING_PART = new TupleTag<List<Row>>() {};

  @Override
  public PCollection<String> expand(PCollectionTuple input) {
    PCollection<DedupedArticle> deduped = input.get(DEDUPED);
    PCollection<KV<Integer, KV<String, KV<Long, Long>>>> reasons =
        keyedOnce(
            "KeyReasons",
            deduped
                .apply("RemovedByReason", ParDo.of(new ReasonFn()))
                .setCoder(
                    KvCoder.of(
                        StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
                .apply("SumPerReason", Combine.perKey(new SumPairs())));
    PCollection<KV<Integer, List<KV<String, Long>>>> repeated =
        keyedOnce(
                "KeySentences",
                deduped
                    .apply("RemovedSentences", ParDo.of(new RemovedSentencesFn(splitter)))
                    .setCoder(StringUtf8Coder.of())
                    .apply("CountSentences", Count.perElement()))
            .apply("TopSentences", Top.perKey(ReportHtml.TOP_ROWS, new ByCount()));

    PCollection<Row> entities = input.get(ENTITIES);
    PCollection<Row> topByType =
        entities
            .apply("KeyByType", ParDo.of(new KeyByTypeFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(Tables.ENTITIES)))
            .apply("TopPerType", Top.perKey(ReportHtml.TOP_PER_TYPE, new ByArticles()))
            .apply("FlattenTopPerType", ParDo.of(new ValuesFn()))
            .setRowSchema(Tables.ENTITIES);
    PCollection<KV<Integer, List<Row>>> topEntities =
        keyedOnce("KeyEntities", entities)
            .apply("TopEntities", Top.perKey(TOP_ENTITIES, new ByArticles()));
    PCollectionView<List<KV<Boolean, KV<Integer, List<Row>>>>> topEntitiesView =
        topEntities.apply("TopEntitiesAsView", MarkedView.asList());

    PCollection<Row> comentions = input.get(COMENTIONS);
    PCollection<Row> heatmapPairs =
        comentions
            .apply(
                "PairsOfTopEntities",
                ParDo.of(new PairsAmongFn(topEntitiesView)).withSideInputs(topEntitiesView))
            .setRowSchema(Tables.COMENTIONS);
    PCollection<KV<Integer, List<Row>>> topPairs =
        keyedOnce("KeyPairs", comentions)
            .apply("TopPairs", Top.perKey(ReportHtml.TOP_ROWS, new ByPairArticles()));

    PCollection<Row> daily =
        input
            .get(ENTITY_DAILY)
            .apply(
                "DailyOfTopEntities",
                ParDo.of(new DailyOfTopFn(topEntitiesView)).withSideInputs(topEntitiesView))
            .setRowSchema(Tables.ENTITY_DAILY);
    PCollection<KV<Integer, Long>> days =
        keyedOnce(
            "KeyDailyDates",
            input
                .get(ENTITY_DAILY)
                .apply(
                    "DailyDates",
                    MapElements.into(TypeDescriptors.longs())
                        .via(
                            (Row r) ->
                                r.getLogicalTypeValue("date", LocalDate.class).toEpochDay())));
    PCollection<KV<Integer, Long>> firstDay = days.apply("FirstDay", Min.longsPerKey());
    PCollection<KV<Integer, Long>> lastDay = days.apply("LastDay", Max.longsPerKey());

    PCollection<Row> moverRows =
        input.has(MOVERS)
            ? input.get(MOVERS)
            : input.getPipeline().apply("NoMovers", Create.empty(RowCoder.of(Tables.MOVERS)));
    PCollection<KV<Integer, List<Row>>> rising =
        keyedOnce(
                "KeyRising",
                moverRows.apply("Rising", Filter.by((Row r) -> r.getDouble("change") > 0)))
            .apply("TopRising", Top.perKey(ReportHtml.TOP_MOVERS, new ByG2()));
    PCollection<KV<Integer, List<Row>>> falling =
        keyedOnce(
                "KeyFalling",
                moverRows.apply("Falling", Filter.by((Row r) -> r.getDouble("change") < 0)))
            .apply("TopFalling", Top.perKey(ReportHtml.TOP_MOVERS, new ByG2()));

    return KeyedPCollectionTuple.of(
            ONCE_PART,
            input
                .getPipeline()
                .apply(
                    "Once",
                    Create.of(KV.of(ONCE, ONCE))
                        .withCoder(KvCoder.of(VarIntCoder.of(), VarIntCoder.of()))))
        .and(SUMMARY_PART, keyedOnce("KeySummary", input.get(SUMMARY)))
        .and(REASONS_PART, reasons)
        .and(REPEATED_PART, repeated)
        .and(TOP_BY_TYPE_PART, keyedOnce("KeyTopPerType", topByType))
        .and(TOP_ENTITIES_PART, topEntities)
        .and(HEATMAP_PART, keyedOnce("KeyHeatmapPairs", heatmapPairs))
        .and(TOP_PAIRS_PART, topPairs)
        .and(DAILY_PART, keyedOnce("KeyDaily", daily))
        .and(FIRST_DAY_PART, firstDay)
        .and(LAST_DAY_PART, lastDay)
        .and(RISING_PART, rising)
        .and(FALLING_PART, falling)
        .apply("GatherAggregates", CoGroupByKey.create())
        .apply("Render", ParDo.of(new RenderFn(meta)))
        .setCoder(StringUtf8Coder.of());
  }

  /** {@code input} keyed by {@link #ONCE}, for {@code Top.perKey} and the gathering. */
  private static <T> PCollection<KV<Integer, T>> keyedOnce(String name, PCollection<T> input) {
    return input
        .apply(name, WithKeys.<Integer, T>of(ONCE))
        .setCoder(KvCoder.of(VarIntCoder.of(), input.getCoder()));
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

  /** The top entities in their marked view: none when there are no entities. */
  private static List<Row> topOf(List<KV<Boolean, KV<Integer, List<Row>>>> view) {
    List<KV<Integer, List<Row>>> top = MarkedView.elements(view);
    return top.isEmpty() ? List.of() : top.get(0).getValue();
  }

  /** Co-mentions whose two entities are both on the heatmap's axis. */
  private static final class PairsAmongFn extends DoFn<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<List<KV<Boolean, KV<Integer, List<Row>>>>> top;
    private final SideInputCache<Set<String>> names = new SideInputCache<>();

    PairsAmongFn(PCollectionView<List<KV<Boolean, KV<Integer, List<Row>>>>> top) {
      this.top = top;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      Set<String> names =
          this.names.get(
              window, () -> ReportHtml.heatmapNames(entityCounts(topOf(c.sideInput(top)))));
      Row pair = c.element();
      if (names.contains(pair.getString("entity_a")) && names.contains(pair.getString("entity_b"))) {
        c.output(pair);
      }
    }
  }

  /** entity_daily rows of the top entities. */
  private static final class DailyOfTopFn extends DoFn<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<List<KV<Boolean, KV<Integer, List<Row>>>>> top;
    private final SideInputCache<Set<String>> topKeys = new SideInputCache<>();

    DailyOfTopFn(PCollectionView<List<KV<Boolean, KV<Integer, List<Row>>>>> top) {
      this.top = top;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      Set<String> keys =
          topKeys.get(
              window,
              () -> {
                Set<String> k = new HashSet<>();
                for (Row r : topOf(c.sideInput(top))) {
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

  static List<EntityCount> entityCounts(Iterable<Row> rows) {
    List<EntityCount> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new EntityCount(
              r.getString("entity"), r.getString("type"), r.getInt64("mentions"),
              r.getInt64("articles")));
    }
    return out;
  }

  private static List<Pair> pairs(Iterable<Row> rows) {
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

  /** No day when there are no daily rows. */
  private static @Nullable LocalDate day(@Nullable Long epochDay) {
    return epochDay == null ? null : LocalDate.ofEpochDay(epochDay);
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

  /**
   * Renders the page from the gathered aggregates. A grouping, not side inputs: on the Direct
   * runner an element waiting for a view of an empty collection can wait forever (see {@link
   * MarkedView}), and most of these aggregates are empty in some runs.
   */
  private static final class RenderFn extends DoFn<KV<Integer, CoGbkResult>, String> {
    private static final long serialVersionUID = 1L;
    private final ReportData.Meta meta;

    RenderFn(ReportData.Meta meta) {
      this.meta = meta;
    }

    @ProcessElement
    public void process(@Element KV<Integer, CoGbkResult> gathered, OutputReceiver<String> out) {
      CoGbkResult parts = gathered.getValue();
      List<RemovedByReason> byReason = new ArrayList<>();
      for (KV<String, KV<Long, Long>> e : parts.getAll(REASONS_PART)) {
        byReason.add(
            new RemovedByReason(e.getKey(), e.getValue().getKey(), e.getValue().getValue()));
      }
      List<RepeatedSentence> sentences = new ArrayList<>();
      for (KV<String, Long> s : parts.getOnly(REPEATED_PART, List.of())) {
        sentences.add(new RepeatedSentence(s.getKey(), s.getValue()));
      }
      List<DailyCount> days = new ArrayList<>();
      for (Row r : parts.getAll(DAILY_PART)) {
        days.add(
            new DailyCount(
                r.getLogicalTypeValue("date", LocalDate.class), r.getString("entity"),
                r.getString("type"), r.getInt64("mentions"), r.getInt64("articles")));
      }
      List<Row> moverRows = new ArrayList<>(parts.getOnly(RISING_PART, List.of()));
      moverRows.addAll(parts.getOnly(FALLING_PART, List.of()));
      ReportData data =
          new ReportData(
              meta,
              totals(parts.getOnly(SUMMARY_PART)),
              byReason,
              sentences,
              entityCounts(parts.getAll(TOP_BY_TYPE_PART)),
              entityCounts(parts.getOnly(TOP_ENTITIES_PART, List.of())),
              pairs(parts.getAll(HEATMAP_PART)),
              pairs(parts.getOnly(TOP_PAIRS_PART, List.of())),
              days,
              day(parts.getOnly(FIRST_DAY_PART, null)),
              day(parts.getOnly(LAST_DAY_PART, null)),
              movers(moverRows));
      out.output(ReportHtml.render(data));
    }
  }
}
