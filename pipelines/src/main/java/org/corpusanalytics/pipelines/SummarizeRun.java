package org.corpusanalytics.pipelines;

import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.dedup.DedupArticles;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.model.RejectedRecord;
import org.corpusanalytics.transforms.output.Tables;
import org.corpusanalytics.transforms.stats.CountComentions;
import org.joda.time.Instant;

/**
 * The one-row {@code summary} table: corpus totals, the runner and the run's start and end. The
 * input is (column, n) pairs, e.g. {@code (articles_undated, 1)} from the date window; each count
 * column of {@link Tables#SUMMARY} is the sum of its pairs.
 */
final class SummarizeRun extends PTransform<PCollectionList<KV<String, Long>>, PCollection<Row>> {
  static final String ARTICLES = "articles";
  static final String ARTICLES_FAILED = "articles_failed";
  static final String CHARS_IN = "chars_in";
  static final String CHARS_REMOVED = "chars_removed";
  static final String CHARS_REMOVED_IN_ARTICLE = DedupArticles.CHARS_REMOVED_IN_ARTICLE;
  static final String CHARS_REMOVED_ACROSS_ARTICLES = DedupArticles.CHARS_REMOVED_ACROSS_ARTICLES;
  static final String NEAR_DUPLICATE_ARTICLES = DedupArticles.NEAR_DUPLICATE_ARTICLES;
  static final String SENTENCES = "sentences";
  static final String MENTIONS = "mentions";
  static final String DISTINCT_ENTITIES = "distinct_entities";
  static final String ARTICLES_CAPPED = "articles_capped";
  static final String SENTENCES_CUT = "sentences_cut";
  static final String SENTENCES_FAILED = "sentences_failed";

  private final String runner;
  private final long startedAtMillis;

  SummarizeRun(String runner, long startedAtMillis) {
    this.runner = runner;
    this.startedAtMillis = startedAtMillis;
  }

  /** Totals contributed by one article. */
  static final class ArticleTotalsFn extends DoFn<AnnotatedArticle, KV<String, Long>> {
    private final int maxEntitiesPerArticle;

    /** @param maxEntitiesPerArticle the cap of pair counting, see {@link CountComentions} */
    ArticleTotalsFn(int maxEntitiesPerArticle) {
      this.maxEntitiesPerArticle = maxEntitiesPerArticle;
    }

    @ProcessElement
    public void process(@Element AnnotatedArticle a, OutputReceiver<KV<String, Long>> out) {
      out.output(KV.of(ARTICLES, 1L));
      out.output(KV.of(CHARS_IN, a.chars()));
      out.output(KV.of(CHARS_REMOVED, a.charsRemoved()));
      out.output(KV.of(SENTENCES, (long) a.sentences()));
      out.output(KV.of(MENTIONS, (long) a.mentions().size()));
      out.output(
          KV.of(
              ARTICLES_CAPPED,
              a.duplicateOf() == null && CountComentions.isCapped(a, maxEntitiesPerArticle)
                  ? 1L
                  : 0L));
      out.output(KV.of(SENTENCES_CUT, (long) a.sentencesCut()));
      out.output(KV.of(SENTENCES_FAILED, (long) a.sentencesFailed()));
    }
  }

  /** Counts each element of a collection under {@code name}. */
  /** One (rejected_reason, 1) per rejected record. */
  static MapElements<RejectedRecord, KV<String, Long>> countPerReason() {
    return MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
        .via(r -> KV.of(Tables.rejectedColumn(r.reason()), 1L));
  }

  static <T> MapElements<T, KV<String, Long>> countAs(String name) {
    return MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
        .via(x -> KV.of(name, 1L));
  }

  @Override
  public PCollection<Row> expand(PCollectionList<KV<String, Long>> parts) {
    // The zero makes the view never empty, so the summary row never waits on an empty view
    // (MarkedView says why that matters on the Direct runner).
    PCollection<KV<String, Long>> zero =
        parts
            .getPipeline()
            .apply(
                "Zero",
                Create.of(KV.of(ARTICLES, 0L))
                    .withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
    PCollectionView<Map<String, Long>> totals =
        parts
            .and(zero)
            .apply("FlattenTotals", Flatten.pCollections())
            .apply("SumTotals", Sum.longsPerKey())
            .apply("TotalsAsView", View.asMap());
    String runnerName = runner;
    long started = startedAtMillis;
    return parts
        .getPipeline()
        .apply("Once", Create.of(0))
        .apply(
            "SummaryRow",
            ParDo.of(
                    new DoFn<Integer, Row>() {
                      @ProcessElement
                      public void process(ProcessContext c) {
                        Map<String, Long> t = c.sideInput(totals);
                        // Every count column is the total of the same name (0 when nothing
                        // contributed), so a new count needs a column and a (name, n) input only.
                        Row.Builder row = Row.withSchema(Tables.SUMMARY);
                        for (Schema.Field f : Tables.SUMMARY.getFields()) {
                          switch (f.getName()) {
                            case "runner":
                              row.addValue(runnerName);
                              break;
                            case "started_at":
                              row.addValue(new Instant(started));
                              break;
                            case "finished_at":
                              row.addValue(Instant.now());
                              break;
                            default:
                              row.addValue(t.getOrDefault(f.getName(), 0L));
                          }
                        }
                        c.output(row.build());
                      }
                    })
                .withSideInputs(totals))
        .setRowSchema(Tables.SUMMARY);
  }
}
