package org.corpusanalytics.transforms.stats;

import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.output.Tables;
import org.corpusanalytics.transforms.support.SumFromZero;

/**
 * The {@code entities} table: mentions and articles per (entity, type), summed by a combiner.
 * Near-duplicate articles (those with a {@code duplicateOf}) are not counted.
 */
public final class CountEntities extends PTransform<PCollection<AnnotatedArticle>, PCollection<Row>> {
  public static CountEntities create() {
    return new CountEntities();
  }

  /** How many articles enter the counts: all but the near duplicates. */
  public static PCollection<Long> countedArticles(PCollection<AnnotatedArticle> articles) {
    return articles
        .apply("SkipNearDuplicatesInTotal", Filter.by(ArticleEntities::isCounted))
        .apply("One", MapElements.into(TypeDescriptors.longs()).via((AnnotatedArticle a) -> 1L))
        .apply("CountArticles", SumFromZero.of());
  }

  @Override
  public PCollection<Row> expand(PCollection<AnnotatedArticle> articles) {
    return articles
        .apply("SkipNearDuplicates", Filter.by(ArticleEntities::isCounted))
        .apply("EmitEntityCounts", ParDo.of(new EmitFn()))
        .apply("SumPerEntity", Combine.perKey(LongPairs.sum()))
        .apply("ToEntityRows", ParDo.of(new ToRowFn()))
        .setRowSchema(Tables.ENTITIES);
  }

  private static final class EmitFn
      extends DoFn<AnnotatedArticle, KV<KV<String, String>, KV<Long, Long>>> {
    @ProcessElement
    public void process(
        @Element AnnotatedArticle article,
        OutputReceiver<KV<KV<String, String>, KV<Long, Long>>> out) {
      for (Map.Entry<KV<String, String>, Long> e :
          ArticleEntities.mentionsByEntityAndType(article).entrySet()) {
        out.output(KV.of(e.getKey(), KV.of(e.getValue(), 1L)));
      }
    }
  }

  private static final class ToRowFn extends DoFn<KV<KV<String, String>, KV<Long, Long>>, Row> {
    private static final Schema SCHEMA = Tables.ENTITIES;

    @ProcessElement
    public void process(
        @Element KV<KV<String, String>, KV<Long, Long>> e, OutputReceiver<Row> out) {
      out.output(
          Row.withSchema(SCHEMA)
              .addValues(
                  e.getKey().getKey(),
                  e.getKey().getValue(),
                  e.getValue().getKey(),
                  e.getValue().getValue())
              .build());
    }
  }
}
