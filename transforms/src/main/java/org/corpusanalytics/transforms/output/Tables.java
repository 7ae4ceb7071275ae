package org.corpusanalytics.transforms.output;

import org.apache.beam.sdk.schemas.Schema;
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

  public static final Schema SUMMARY =
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
          .addStringField("runner")
          .addDateTimeField("started_at")
          .addDateTimeField("finished_at")
          .build();

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
