package org.corpusanalytics.transforms.stats;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.corpusanalytics.transforms.output.Tables;
import org.corpusanalytics.transforms.support.SideInputCache;
import org.corpusanalytics.transforms.support.SumFromZero;

/**
 * The {@code movers} table: for every (entity, type) of either run, the articles that mention it in
 * an earlier run and in this one, the change in their share of the articles and the log-likelihood
 * G² of that change (see {@link LogLikelihood}). Counts are summed by a combiner.
 *
 * <p>Input, as a tuple:
 *
 * <ul>
 *   <li>{@link #BEFORE}: (entity, type) to articles, from the earlier run's {@code entities};
 *   <li>{@link #BEFORE_TOTAL}: the earlier run's counted articles (summed);
 *   <li>{@link #NOW}: this run's {@code entities} rows;
 *   <li>{@link #NOW_TOTAL}: this run's counted articles (summed).
 * </ul>
 */
public final class CountMovers extends PTransform<PCollectionTuple, PCollection<Row>> {
  private static final long serialVersionUID = 1L;

  public static final TupleTag<KV<KV<String, String>, Long>> BEFORE =
      new TupleTag<KV<KV<String, String>, Long>>() {};
  public static final TupleTag<Long> BEFORE_TOTAL = new TupleTag<Long>() {};
  public static final TupleTag<Row> NOW = new TupleTag<Row>() {};
  public static final TupleTag<Long> NOW_TOTAL = new TupleTag<Long>() {};

  public static CountMovers create() {
    return new CountMovers();
  }

  @Override
  public PCollection<Row> expand(PCollectionTuple input) {
    KvCoder<KV<String, String>, KV<Long, Long>> coder =
        KvCoder.of(
            KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()),
            KvCoder.of(VarLongCoder.of(), VarLongCoder.of()));
    PCollectionView<Long> nBefore =
        input
            .get(BEFORE_TOTAL)
            .apply("SumBeforeTotal", SumFromZero.of())
            .apply("BeforeTotalAsView", View.asSingleton());
    PCollectionView<Long> nNow =
        input
            .get(NOW_TOTAL)
            .apply("SumNowTotal", SumFromZero.of())
            .apply("NowTotalAsView", View.asSingleton());
    PCollection<KV<KV<String, String>, KV<Long, Long>>> before =
        input.get(BEFORE).apply("BeforeCounts", ParDo.of(new BeforeFn())).setCoder(coder);
    PCollection<KV<KV<String, String>, KV<Long, Long>>> now =
        input.get(NOW).apply("NowCounts", ParDo.of(new NowFn())).setCoder(coder);
    return PCollectionList.of(before)
        .and(now)
        .apply("FlattenRuns", Flatten.pCollections())
        .apply("SumPerEntity", Combine.perKey(LongPairs.sum()))
        .apply("ScoreChange", ParDo.of(new ScoreFn(nBefore, nNow)).withSideInputs(nBefore, nNow))
        .setRowSchema(Tables.MOVERS);
  }

  private static final class BeforeFn
      extends DoFn<KV<KV<String, String>, Long>, KV<KV<String, String>, KV<Long, Long>>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(
        @Element KV<KV<String, String>, Long> e,
        OutputReceiver<KV<KV<String, String>, KV<Long, Long>>> out) {
      out.output(KV.of(e.getKey(), KV.of(e.getValue(), 0L)));
    }
  }

  private static final class NowFn extends DoFn<Row, KV<KV<String, String>, KV<Long, Long>>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(
        @Element Row row, OutputReceiver<KV<KV<String, String>, KV<Long, Long>>> out) {
      out.output(
          KV.of(
              KV.of(row.getString("entity"), row.getString("type")),
              KV.of(0L, row.getInt64("articles"))));
    }
  }

  private static final class ScoreFn extends DoFn<KV<KV<String, String>, KV<Long, Long>>, Row> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<Long> nBefore;
    private final PCollectionView<Long> nNow;

    ScoreFn(PCollectionView<Long> nBefore, PCollectionView<Long> nNow) {
      this.nBefore = nBefore;
      this.nNow = nNow;
    }

    private final SideInputCache<KV<Long, Long>> totals = new SideInputCache<>();

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      KV<Long, Long> totals =
          this.totals.get(window, () -> KV.of(c.sideInput(nBefore), c.sideInput(nNow)));
      long totalBefore = totals.getKey();
      long totalNow = totals.getValue();
      KV<String, String> key = c.element().getKey();
      long before = c.element().getValue().getKey();
      long now = c.element().getValue().getValue();
      c.output(
          Row.withSchema(Tables.MOVERS)
              .addValues(
                  key.getKey(),
                  key.getValue(),
                  before,
                  now,
                  LogLikelihood.shareChange(before, totalBefore, now, totalNow),
                  LogLikelihood.g2(before, totalBefore, now, totalNow))
              .build());
    }
  }
}
