package org.corpusanalytics.transforms.ner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Links one-word person names standing alone in an article to the full name the corpus uses them
 * with ({@link ShortNames} has the rule). The links are a side input, built with a combiner from
 * per-article (short form, longer names) observations.
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
    PCollectionView<Map<String, String>> links =
        articles
            .apply("ObserveShortForms", ParDo.of(new ObserveFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
            .apply("VoteOnShortForms", Combine.globally(new VoteFn(minShare)).asSingletonView());
    return articles.apply("ApplyLinks", ParDo.of(new ApplyFn(links)).withSideInputs(links));
  }

  private static final class ObserveFn extends DoFn<AnnotatedArticle, KV<String, List<String>>> {
    @ProcessElement
    public void process(
        @Element AnnotatedArticle article, OutputReceiver<KV<String, List<String>>> out) {
      for (Map.Entry<String, Set<String>> e : ShortNames.observations(article).entrySet()) {
        out.output(KV.of(e.getKey(), List.copyOf(e.getValue())));
      }
    }
  }

  /**
   * Counts the votes of every short form (a map accumulator: partial counts merge in any order, so
   * a very common short form is no hot key) and keeps the links that pass the rule.
   */
  private static final class VoteFn
      extends Combine.CombineFn<
          KV<String, List<String>>, Map<String, ShortNames.Votes>, Map<String, String>> {
    private final double minShare;

    VoteFn(double minShare) {
      this.minShare = minShare;
    }

    @Override
    public Map<String, ShortNames.Votes> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, ShortNames.Votes> addInput(
        Map<String, ShortNames.Votes> votes, KV<String, List<String>> observation) {
      votes
          .computeIfAbsent(observation.getKey(), k -> new ShortNames.Votes())
          .add(observation.getValue());
      return votes;
    }

    @Override
    public Map<String, ShortNames.Votes> mergeAccumulators(
        Iterable<Map<String, ShortNames.Votes>> all) {
      Map<String, ShortNames.Votes> merged = new HashMap<>();
      for (Map<String, ShortNames.Votes> votes : all) {
        votes.forEach(
            (form, v) -> merged.computeIfAbsent(form, k -> new ShortNames.Votes()).merge(v));
      }
      return merged;
    }

    @Override
    public Map<String, String> extractOutput(Map<String, ShortNames.Votes> votes) {
      Map<String, String> links = new HashMap<>();
      votes.forEach(
          (form, v) -> {
            String name = v.decide(minShare);
            if (name != null) {
              links.put(form, name);
            }
          });
      return links;
    }

    @Override
    public Coder<Map<String, ShortNames.Votes>> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<String, List<String>>> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), new ShortNames.VotesCoder());
    }

    @Override
    public Coder<Map<String, String>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<KV<String, List<String>>> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    }
  }

  private static final class ApplyFn extends DoFn<AnnotatedArticle, AnnotatedArticle> {
    private final PCollectionView<Map<String, String>> links;

    ApplyFn(PCollectionView<Map<String, String>> links) {
      this.links = links;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(ShortNames.apply(c.element(), c.sideInput(links)));
    }
  }
}
