package org.corpusanalytics.transforms.window;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.corpusanalytics.transforms.model.Article;

/**
 * Keeps the articles published inside a {@link PublishedWindow}. Each article left out comes out
 * under {@link #EXCLUDED} as {@code (ARTICLES_UNDATED, 1)} or {@code (ARTICLES_OUTSIDE_WINDOW, 1)},
 * ready to be summed into the summary, and is counted in the {@code window/undated} and
 * {@code window/outside} metrics. An unbounded window keeps everything.
 */
public final class FilterPublished extends PTransform<PCollection<Article>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /** Summary column: articles left out because they have no date while a window is set. */
  public static final String ARTICLES_UNDATED = "articles_undated";

  /** Summary column: dated articles left out because they were published outside the window. */
  public static final String ARTICLES_OUTSIDE_WINDOW = "articles_outside_window";

  public static final TupleTag<Article> KEPT = new TupleTag<Article>() {};
  public static final TupleTag<KV<String, Long>> EXCLUDED = new TupleTag<KV<String, Long>>() {};

  private final PublishedWindow window;

  private FilterPublished(PublishedWindow window) {
    this.window = window;
  }

  public static FilterPublished in(PublishedWindow window) {
    return new FilterPublished(window);
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    PCollectionTuple out =
        articles.apply(
            "ClassifyPublished",
            ParDo.of(new ClassifyFn(window)).withOutputTags(KEPT, TupleTagList.of(EXCLUDED)));
    out.get(KEPT).setCoder(articles.getCoder());
    out.get(EXCLUDED).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  private static final class ClassifyFn extends DoFn<Article, Article> {
    private static final long serialVersionUID = 1L;
    private final Counter undated = Metrics.counter("window", "undated");
    private final Counter outside = Metrics.counter("window", "outside");
    private final PublishedWindow window;

    ClassifyFn(PublishedWindow window) {
      this.window = window;
    }

    @ProcessElement
    public void process(@Element Article article, MultiOutputReceiver out) {
      switch (window.classify(article.publishedMillis())) {
        case INSIDE:
          out.get(KEPT).output(article);
          break;
        case UNDATED:
          undated.inc();
          out.get(EXCLUDED).output(KV.of(ARTICLES_UNDATED, 1L));
          break;
        case OUTSIDE:
          outside.inc();
          out.get(EXCLUDED).output(KV.of(ARTICLES_OUTSIDE_WINDOW, 1L));
          break;
      }
    }
  }
}
