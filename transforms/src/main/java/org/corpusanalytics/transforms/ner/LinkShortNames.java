package org.corpusanalytics.transforms.ner;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.corpusanalytics.transforms.support.MarkedView;
import org.corpusanalytics.transforms.support.SideInputCache;

/**
 * Links one-word person names standing alone in an article to the full name the corpus uses them
 * with ({@link ShortNames} has the rule).
 *
 * <pre>
 * articles -> ObserveShortForms: (short form -> longer names it is used with in one article),
 *                                 near duplicates left out as in the counts
 *   -> VoteOnShortForms: Combine.perKey, one vote count per short form
 *   -> DecideLinks: (short form -> full name) where the rule holds -> a side input (MarkedView)
 *   -> ApplyLinks: rename standalone short forms
 * </pre>
 *
 * Only the links (one entry per linked short form) travel as the side input.
 */
public final class LinkShortNames
    extends PTransform<PCollection<AnnotatedArticle>, PCollection<AnnotatedArticle>> {
  public static final double DEFAULT_MIN_SHARE = 0.9;

  private final double minShare;

  private LinkShortNames(double minShare) {
    this.minShare = minShare;
  }

  /** A share above 1 turns the linking off. */
  public static LinkShortNames withMinShare(double minShare) {
    if (!(minShare > 0.5)) {
      throw new IllegalArgumentException(
          "--canonicalNameShare must be above 0.5 (above 1 turns linking off); got " + minShare);
    }
    return new LinkShortNames(minShare);
  }

  @Override
  public PCollection<AnnotatedArticle> expand(PCollection<AnnotatedArticle> articles) {
    if (minShare > 1) {
      return articles;
    }
    PCollectionView<List<KV<Boolean, KV<String, String>>>> links =
        articles
            .apply("ObserveShortForms", ParDo.of(new ObserveFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
            .apply("VoteOnShortForms", Combine.perKey(new VoteFn()))
            .apply("DecideLinks", ParDo.of(new DecideFn(minShare)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply("LinksAsView", MarkedView.asList());
    return articles.apply("ApplyLinks", ParDo.of(new ApplyFn(links)).withSideInputs(links));
  }

  private static final class ObserveFn extends DoFn<AnnotatedArticle, KV<String, List<String>>> {
    @ProcessElement
    public void process(
        @Element AnnotatedArticle article, OutputReceiver<KV<String, List<String>>> out) {
      if (article.duplicateOf() != null) {
        return; // a near duplicate is not counted, so it does not vote: copies would outvote
      }
      for (Map.Entry<String, Set<String>> e : ShortNames.observations(article).entrySet()) {
        out.output(KV.of(e.getKey(), List.copyOf(e.getValue())));
      }
    }
  }

  /** Counts one short form's articles and, per longer name, the articles using it. */
  private static final class VoteFn
      extends Combine.CombineFn<List<String>, ShortNames.Votes, ShortNames.Votes> {
    @Override
    public ShortNames.Votes createAccumulator() {
      return new ShortNames.Votes();
    }

    @Override
    public ShortNames.Votes addInput(ShortNames.Votes votes, List<String> longNames) {
      return votes.add(longNames);
    }

    @Override
    public ShortNames.Votes mergeAccumulators(Iterable<ShortNames.Votes> all) {
      ShortNames.Votes merged = new ShortNames.Votes();
      for (ShortNames.Votes v : all) {
        merged.merge(v);
      }
      return merged;
    }

    @Override
    public ShortNames.Votes extractOutput(ShortNames.Votes votes) {
      return votes;
    }

    @Override
    public Coder<ShortNames.Votes> getAccumulatorCoder(
        CoderRegistry registry, Coder<List<String>> inputCoder) {
      return new ShortNames.VotesCoder();
    }

    @Override
    public Coder<ShortNames.Votes> getDefaultOutputCoder(
        CoderRegistry registry, Coder<List<String>> inputCoder) {
      return new ShortNames.VotesCoder();
    }
  }

  private static final class DecideFn extends DoFn<KV<String, ShortNames.Votes>, KV<String, String>> {
    private final double minShare;

    DecideFn(double minShare) {
      this.minShare = minShare;
    }

    @ProcessElement
    public void process(
        @Element KV<String, ShortNames.Votes> votes, OutputReceiver<KV<String, String>> out) {
      String name = votes.getValue().decide(minShare);
      if (name != null) {
        out.output(KV.of(votes.getKey(), name));
      }
    }
  }

  private static final class ApplyFn extends DoFn<AnnotatedArticle, AnnotatedArticle> {
    private final PCollectionView<List<KV<Boolean, KV<String, String>>>> links;
    private final SideInputCache<Map<String, String>> linkMap = new SideInputCache<>();

    ApplyFn(PCollectionView<List<KV<Boolean, KV<String, String>>>> links) {
      this.links = links;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      c.output(
          ShortNames.apply(
              c.element(), linkMap.get(window, () -> MarkedView.map(c.sideInput(links)))));
    }
  }
}
