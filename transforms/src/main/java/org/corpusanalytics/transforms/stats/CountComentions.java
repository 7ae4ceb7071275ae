package org.corpusanalytics.transforms.stats;

import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.output.Tables;
import org.corpusanalytics.transforms.support.SideInputCache;

/**
 * The {@code comentions} table: for each pair of entities (entity_a &lt; entity_b) the articles and
 * sentences that mention both, with article-level PMI and NPMI (see {@link Association}).
 *
 * <p>Near-duplicate articles (those with a {@code duplicateOf}) are not counted, neither in the pairs
 * nor in the totals behind PMI.
 *
 * <p>An article with more than {@code maxEntitiesPerArticle} distinct entities contributes pairs of
 * its most mentioned ones only; such articles are counted in the {@code comentions/capped_articles}
 * metric.
 */
public final class CountComentions
    extends PTransform<PCollection<AnnotatedArticle>, PCollection<Row>> {
  public static final int DEFAULT_MAX_ENTITIES_PER_ARTICLE = 100;

  private final int maxEntitiesPerArticle;

  private CountComentions(int maxEntitiesPerArticle) {
    this.maxEntitiesPerArticle = maxEntitiesPerArticle;
  }

  public static CountComentions create() {
    return new CountComentions(DEFAULT_MAX_ENTITIES_PER_ARTICLE);
  }

  public CountComentions withMaxEntitiesPerArticle(int max) {
    if (max < 2) {
      throw new IllegalArgumentException("maxEntitiesPerArticle must be at least 2, got " + max);
    }
    return new CountComentions(max);
  }

  /**
   * True when the article has more than {@code maxEntitiesPerArticle} distinct entities, so only its
   * most mentioned ones enter pair counting (the {@code comentions/capped_articles} metric).
   */
  public static boolean isCapped(AnnotatedArticle article, int maxEntitiesPerArticle) {
    return ArticleEntities.names(article).size() > maxEntitiesPerArticle;
  }

  @Override
  public PCollection<Row> expand(PCollection<AnnotatedArticle> all) {
    PCollection<AnnotatedArticle> articles =
        all.apply("SkipNearDuplicates", Filter.by(ArticleEntities::isCounted));
    PCollectionView<Long> totalArticles =
        articles.apply(
            "CountArticles",
            Combine.globally(Count.<AnnotatedArticle>combineFn()).asSingletonView());
    PCollectionView<Map<String, Long>> articlesPerEntity =
        articles
            .apply("EmitEntityNames", ParDo.of(new EntityNamesFn()))
            .apply("ArticlesPerEntity", Sum.longsPerKey())
            .apply("ArticlesPerEntityAsView", View.asMap());
    return articles
        .apply("EmitPairs", ParDo.of(new PairsFn(maxEntitiesPerArticle)))
        .apply("SumPerPair", Combine.perKey(LongPairs.sum()))
        .apply(
            "ScorePairs",
            ParDo.of(new ScoreFn(totalArticles, articlesPerEntity))
                .withSideInputs(totalArticles, articlesPerEntity))
        .setRowSchema(Tables.COMENTIONS);
  }

  private static final class EntityNamesFn extends DoFn<AnnotatedArticle, KV<String, Long>> {
    @ProcessElement
    public void process(@Element AnnotatedArticle article, OutputReceiver<KV<String, Long>> out) {
      for (String name : ArticleEntities.names(article)) {
        out.output(KV.of(name, 1L));
      }
    }
  }

  private static final class PairsFn
      extends DoFn<AnnotatedArticle, KV<KV<String, String>, KV<Long, Long>>> {
    private final Counter capped = Metrics.counter("comentions", "capped_articles");
    private final int cap;

    PairsFn(int cap) {
      this.cap = cap;
    }

    @ProcessElement
    public void process(
        @Element AnnotatedArticle article,
        OutputReceiver<KV<KV<String, String>, KV<Long, Long>>> out) {
      Set<String> candidates = ArticleEntities.pairCandidates(article, cap);
      if (candidates.size() < ArticleEntities.names(article).size()) {
        capped.inc();
      }
      for (Map.Entry<KV<String, String>, Long> pair :
          ArticleEntities.pairs(article, candidates).entrySet()) {
        out.output(KV.of(pair.getKey(), KV.of(1L, pair.getValue())));
      }
    }
  }

  private static final class ScoreFn extends DoFn<KV<KV<String, String>, KV<Long, Long>>, Row> {
    private final PCollectionView<Long> totalArticles;
    private final PCollectionView<Map<String, Long>> articlesPerEntity;

    ScoreFn(PCollectionView<Long> totalArticles, PCollectionView<Map<String, Long>> articlesPerEntity) {
      this.totalArticles = totalArticles;
      this.articlesPerEntity = articlesPerEntity;
    }

    // Read once per window: per element, the Direct runner's map rebuild made scoring quadratic.
    private final SideInputCache<KV<Long, Map<String, Long>>> totals = new SideInputCache<>();

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      KV<KV<String, String>, KV<Long, Long>> pair = c.element();
      KV<Long, Map<String, Long>> totals =
          this.totals.get(
              window, () -> KV.of(c.sideInput(totalArticles), c.sideInput(articlesPerEntity)));
      Map<String, Long> perEntity = totals.getValue();
      long total = totals.getKey();
      String a = pair.getKey().getKey();
      String b = pair.getKey().getValue();
      long both = pair.getValue().getKey();
      long na = perEntity.get(a);
      long nb = perEntity.get(b);
      c.output(
          Row.withSchema(Tables.COMENTIONS)
              .addValues(
                  a,
                  b,
                  both,
                  pair.getValue().getValue(),
                  Association.pmi(both, na, nb, total),
                  Association.npmi(both, na, nb, total))
              .build());
    }
  }
}
