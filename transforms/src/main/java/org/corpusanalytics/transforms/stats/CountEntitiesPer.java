package org.corpusanalytics.transforms.stats;

import java.time.LocalDate;
import java.util.Map;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.output.Tables;

/**
 * Mentions and articles per (group, entity, type), summed by a combiner, where the group is a
 * property of the article:
 *
 * <ul>
 *   <li>{@link #perDay()}: the {@code entity_daily} table, grouped by the UTC date the article was
 *       published; undated articles are left out;
 *   <li>{@link #perSource()}: the {@code entity_sources} table, grouped by the article's source;
 *       articles without a source are grouped under a null source.
 * </ul>
 */
public final class CountEntitiesPer
    extends PTransform<PCollection<AnnotatedArticle>, PCollection<Row>> {
  private static final long serialVersionUID = 1L;

  private enum Dimension {
    DAY,
    SOURCE
  }

  private final Dimension dimension;

  private CountEntitiesPer(Dimension dimension) {
    this.dimension = dimension;
  }

  public static CountEntitiesPer perDay() {
    return new CountEntitiesPer(Dimension.DAY);
  }

  public static CountEntitiesPer perSource() {
    return new CountEntitiesPer(Dimension.SOURCE);
  }

  private Schema schema() {
    return dimension == Dimension.DAY ? Tables.ENTITY_DAILY : Tables.ENTITY_SOURCES;
  }

  @Override
  public PCollection<Row> expand(PCollection<AnnotatedArticle> articles) {
    // The group is null for articles without a source.
    KvCoder<String, KV<String, String>> keyCoder =
        KvCoder.of(
            NullableCoder.of(StringUtf8Coder.of()),
            KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    return articles
        .apply("EmitGroupedCounts", ParDo.of(new EmitFn(dimension)))
        .setCoder(KvCoder.of(keyCoder, KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
        .apply("SumPerGroupAndEntity", Combine.perKey(LongPairs.sum()))
        .apply("ToRows", ParDo.of(new ToRowFn(dimension, schema())))
        .setRowSchema(schema());
  }

  /** The group of an article under {@code dimension}, or null. */
  static @Nullable String group(Dimension dimension, AnnotatedArticle article) {
    if (dimension == Dimension.SOURCE) {
      return article.source();
    }
    Long millis = article.publishedMillis();
    return millis == null
        ? null
        : LocalDate.ofInstant(java.time.Instant.ofEpochMilli(millis), java.time.ZoneOffset.UTC)
            .toString();
  }

  /** Emits (group, (entity, type)) -> (mentions in the article, 1 article). */
  private static final class EmitFn
      extends DoFn<AnnotatedArticle, KV<KV<String, KV<String, String>>, KV<Long, Long>>> {
    private static final long serialVersionUID = 1L;
    private final Dimension dimension;

    EmitFn(Dimension dimension) {
      this.dimension = dimension;
    }

    @ProcessElement
    public void process(
        @Element AnnotatedArticle article,
        OutputReceiver<KV<KV<String, KV<String, String>>, KV<Long, Long>>> out) {
      String group = group(dimension, article);
      if (!ArticleEntities.isCounted(article) || (group == null && dimension == Dimension.DAY)) {
        return;
      }
      for (Map.Entry<KV<String, String>, Long> e :
          ArticleEntities.mentionsByEntityAndType(article).entrySet()) {
        out.output(KV.of(KV.of(group, e.getKey()), KV.of(e.getValue(), 1L)));
      }
    }
  }

  private static final class ToRowFn
      extends DoFn<KV<KV<String, KV<String, String>>, KV<Long, Long>>, Row> {
    private static final long serialVersionUID = 1L;
    private final Dimension dimension;
    private final Schema schema;

    ToRowFn(Dimension dimension, Schema schema) {
      this.dimension = dimension;
      this.schema = schema;
    }

    @ProcessElement
    public void process(
        @Element KV<KV<String, KV<String, String>>, KV<Long, Long>> e,
        OutputReceiver<Row> out) {
      String group = e.getKey().getKey();
      Object first = dimension == Dimension.DAY ? LocalDate.parse(group) : group;
      out.output(
          Row.withSchema(schema)
              .addValues(
                  first,
                  e.getKey().getValue().getKey(),
                  e.getKey().getValue().getValue(),
                  e.getValue().getKey(),
                  e.getValue().getValue())
              .build());
    }
  }
}
