package org.corpusanalytics.transforms.output;

import org.apache.beam.sdk.schemas.Schema;
import org.corpusanalytics.transforms.io.RejectReason;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;

/** The schemas of every table the report writes. Column names are snake_case, counts are int64. */
public final class Tables {
  private Tables() {}

  private static final FieldType DATE = FieldType.logicalType(SqlTypes.DATE);

  public static final Schema ENTITIES =
      Schema.builder()
          .addStringField("entity")
          .addStringField("type")
          .addInt64Field("mentions")
          .addInt64Field("articles")
          .build();

  public static final Schema COMENTIONS =
      Schema.builder()
          .addStringField("entity_a")
          .addStringField("entity_b")
          .addInt64Field("articles")
          .addInt64Field("sentences")
          .addDoubleField("pmi")
          .addDoubleField("npmi")
          .build();

  public static final Schema ARTICLES =
      Schema.builder()
          .addStringField("article_id")
          .addNullableField("title", FieldType.STRING)
          .addNullableField("published", DATE)
          .addNullableField("source", FieldType.STRING)
          .addInt64Field("chars")
          .addInt64Field("chars_removed")
          .addNullableField("duplicate_of", FieldType.STRING)
          .addInt64Field("sentences")
          .addInt64Field("mentions")
          .build();

  public static final Schema SEGMENTS =
      Schema.builder()
          .addStringField("article_id")
          .addInt64Field("start")
          .addInt64Field("end")
          .addStringField("reason")
          .addStringField("kept_article_id")
          .build();

  /**
   * Sentences (normalized, cut to 200 chars; {@code chars} is the full length) that occur more than
   * once in the corpus, with their occurrences, the articles holding them and the article of the
   * first copy in canonical order. Rows come in no particular order: sort with {@code ORDER BY
   * occurrences DESC}.
   */
  public static final Schema REPEATED_SEGMENTS =
      Schema.builder()
          .addStringField("segment")
          .addInt64Field("chars")
          .addInt64Field("occurrences")
          .addInt64Field("articles")
          .addStringField("first_article_id")
          .build();

  public static final Schema MENTIONS =
      Schema.builder()
          .addStringField("article_id")
          .addInt64Field("start")
          .addInt64Field("end")
          .addStringField("text")
          .addStringField("type")
          .addStringField("entity")
          .build();

  public static final Schema ERRORS =
      Schema.builder()
          .addStringField("source_file")
          .addInt64Field("record")
          .addStringField("reason")
          .addStringField("message")
          .addNullableField("excerpt", FieldType.STRING)
          .build();

  /**
   * One row per input file: {@code read == processed + rejected}. A record rejected after reading
   * (a duplicate id) counts as read and rejected, not processed.
   */
  public static final Schema INPUTS =
      Schema.builder()
          .addStringField("file")
          .addInt64Field("read")
          .addInt64Field("processed")
          .addInt64Field("rejected")
          .build();

  /** One row per reason code of the errors table, with its number of records. */
  public static final Schema ERRORS_BY_REASON =
      Schema.builder().addStringField("reason").addInt64Field("records").build();

  /**
   * One row. {@code articles_failed} is the number of rejected records (the rows of {@code errors});
   * {@code articles_capped} the articles with more distinct entities than {@code
   * --maxEntitiesPerArticle}; {@code sentences_cut} the sentences longer than {@code
   * --maxSentenceChars} that were cut before tagging; {@code sentences_failed} the sentences the
   * tagger failed on (their entities are missing).
   */
  /** The summary column counting the rejections of one reason code. */
  public static String rejectedColumn(String reason) {
    return "rejected_" + reason;
  }

  public static final Schema SUMMARY = summary();

  private static Schema summary() {
    Schema.Builder b =
      Schema.builder()
          .addInt64Field("articles")
          .addInt64Field("articles_failed")
          .addInt64Field("chars_in")
          .addInt64Field("chars_removed")
          .addInt64Field("chars_removed_in_article")
          .addInt64Field("chars_removed_across_articles")
          .addInt64Field("near_duplicate_articles")
          .addInt64Field("sentences")
          .addInt64Field("mentions")
          .addInt64Field("distinct_entities")
          .addInt64Field("articles_undated")
          .addInt64Field("articles_outside_window")
          .addInt64Field("articles_capped")
          .addInt64Field("sentences_cut")
          .addInt64Field("sentences_failed");
    for (String reason : RejectReason.ALL) {
      b.addInt64Field(rejectedColumn(reason));
    }
    return b.addStringField("runner")
        .addDateTimeField("started_at")
        .addDateTimeField("finished_at")
        .build();
  }

  // Scheduled reports: per-day and per-source entity counts, and movers against an earlier run.

  public static final Schema ENTITY_DAILY =
      Schema.builder()
          .addField("date", DATE)
          .addStringField("entity")
          .addStringField("type")
          .addInt64Field("mentions")
          .addInt64Field("articles")
          .build();

  /** {@code source} is null for articles without a source. */
  public static final Schema ENTITY_SOURCES =
      Schema.builder()
          .addNullableField("source", FieldType.STRING)
          .addStringField("entity")
          .addStringField("type")
          .addInt64Field("mentions")
          .addInt64Field("articles")
          .build();

  public static final Schema MOVERS =
      Schema.builder()
          .addStringField("entity")
          .addStringField("type")
          .addInt64Field("articles_before")
          .addInt64Field("articles_now")
          .addDoubleField("change")
          .addDoubleField("g2")
          .build();
}
