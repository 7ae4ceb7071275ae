package org.corpusanalytics.transforms.report;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Everything {@link ReportHtml} shows, as plain values: small top-N aggregates of one run. Lists may
 * come in any order; the renderer sorts them. {@code daily} holds the per-day counts of the top
 * entities; {@code firstDay} and {@code lastDay} are the first and last publication dates of the
 * run's dated articles (null when none). Text fields hold text as found in the articles and
 * are escaped by the renderer, never here.
 */
public record ReportData(
    Meta meta,
    Totals totals,
    List<RemovedByReason> removedByReason,
    List<RepeatedSentence> repeatedSentences,
    List<EntityCount> topEntitiesByType,
    List<EntityCount> topEntities,
    List<Pair> heatmapPairs,
    List<Pair> topPairs,
    List<DailyCount> daily,
    @Nullable LocalDate firstDay,
    @Nullable LocalDate lastDay,
    List<Mover> movers)
    implements Serializable {

  public ReportData {
    removedByReason = List.copyOf(removedByReason);
    repeatedSentences = List.copyOf(repeatedSentences);
    topEntitiesByType = List.copyOf(topEntitiesByType);
    topEntities = List.copyOf(topEntities);
    heatmapPairs = List.copyOf(heatmapPairs);
    topPairs = List.copyOf(topPairs);
    daily = List.copyOf(daily);
    movers = List.copyOf(movers);
  }

  /**
   * What the run was: its date, the publication window (null ends are open), the earlier partition
   * it was compared to (null: none), the runner, the dedup mode and the input globs.
   */
  public record Meta(
      String runDate,
      @Nullable LocalDate publishedFrom,
      @Nullable LocalDate publishedTo,
      @Nullable String compareTo,
      String runner,
      String dedup,
      String input)
      implements Serializable {}

  /** The summary table's counts. */
  public record Totals(
      long articles,
      long articlesFailed,
      long charsIn,
      long charsRemoved,
      long sentences,
      long mentions,
      long distinctEntities,
      long articlesUndated,
      long articlesOutsideWindow)
      implements Serializable {}

  /** Removed segments and characters for one dedup reason. */
  public record RemovedByReason(String reason, long segments, long chars) implements Serializable {}

  /** A normalized sentence and how many times dedup removed a copy of it. */
  public record RepeatedSentence(String text, long times) implements Serializable {}

  /** A row of the entities table. */
  public record EntityCount(String entity, String type, long mentions, long articles)
      implements Serializable {}

  /** A row of the comentions table. */
  public record Pair(String entityA, String entityB, long articles, long sentences, double npmi)
      implements Serializable {}

  /** A row of the entity_daily table. */
  public record DailyCount(LocalDate date, String entity, String type, long mentions, long articles)
      implements Serializable {}

  /** A row of the movers table. */
  public record Mover(
      String entity, String type, long articlesBefore, long articlesNow, double change, double g2)
      implements Serializable {}
}
