package org.corpusanalytics.transforms.output;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.dedup.RemovedSegment;
import org.corpusanalytics.transforms.dedup.RepeatedSegment;
import org.corpusanalytics.transforms.model.RejectedRecord;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.ResolvedMention;

/** Turns the pipeline's records into rows of the output tables (see {@link Tables}). */
public final class TableRows {
  private TableRows() {}

  public static Row article(AnnotatedArticle a) {
    return Row.withSchema(Tables.ARTICLES)
        .addValues(
            a.id(),
            a.title(),
            date(a.publishedMillis()),
            a.source(),
            a.chars(),
            a.charsRemoved(),
            a.duplicateOf(),
            (long) a.sentences(),
            (long) a.mentions().size())
        .build();
  }

  public static Row segment(String articleId, RemovedSegment s) {
    return Row.withSchema(Tables.SEGMENTS)
        .addValues(articleId, (long) s.start(), (long) s.end(), s.reason(), s.keptArticleId())
        .build();
  }

  public static Row repeatedSegment(RepeatedSegment r) {
    return Row.withSchema(Tables.REPEATED_SEGMENTS)
        .addValues(r.segment(), r.chars(), r.occurrences(), r.articles(), r.firstArticleId())
        .build();
  }

  public static Row mention(String articleId, ResolvedMention m) {
    return Row.withSchema(Tables.MENTIONS)
        .addValues(
            articleId, (long) m.start(), (long) m.end(), m.text(), m.type().name(), m.entity())
        .build();
  }

  public static Row error(RejectedRecord r) {
    return Row.withSchema(Tables.ERRORS)
        .addValues(r.sourceFile(), r.record(), r.reason(), r.message(), r.excerpt())
        .build();
  }

  private static LocalDate date(Long millis) {
    return millis == null ? null : LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  /** One row per article. */
  public static final class ArticleRowsFn extends DoFn<AnnotatedArticle, Row> {
    @ProcessElement
    public void process(@Element AnnotatedArticle a, OutputReceiver<Row> out) {
      out.output(article(a));
    }
  }

  /** One row per removed span. */
  public static final class SegmentRowsFn extends DoFn<DedupedArticle, Row> {
    @ProcessElement
    public void process(@Element DedupedArticle a, OutputReceiver<Row> out) {
      for (RemovedSegment s : a.removed()) {
        out.output(segment(a.article().id(), s));
      }
    }
  }

  /** One row per repeated sentence. */
  public static final class RepeatedSegmentRowsFn extends DoFn<RepeatedSegment, Row> {
    @ProcessElement
    public void process(@Element RepeatedSegment r, OutputReceiver<Row> out) {
      out.output(repeatedSegment(r));
    }
  }

  /** One row per mention. */
  public static final class MentionRowsFn extends DoFn<AnnotatedArticle, Row> {
    @ProcessElement
    public void process(@Element AnnotatedArticle a, OutputReceiver<Row> out) {
      for (ResolvedMention m : a.mentions()) {
        out.output(mention(a.id(), m));
      }
    }
  }

  /** One row per rejected record. */
  public static final class ErrorRowsFn extends DoFn<RejectedRecord, Row> {
    @ProcessElement
    public void process(@Element RejectedRecord r, OutputReceiver<Row> out) {
      out.output(error(r));
    }
  }
}
