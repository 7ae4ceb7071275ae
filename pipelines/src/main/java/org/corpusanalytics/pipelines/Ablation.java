package org.corpusanalytics.pipelines;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.corpusanalytics.pipelines.eval.ConllDocuments;
import org.corpusanalytics.pipelines.eval.EntityScores;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.ArticleRecognition;
import org.corpusanalytics.transforms.ner.EntityRecognizer;
import org.corpusanalytics.transforms.ner.Mention;
import org.corpusanalytics.transforms.ner.RecognitionRules;
import org.corpusanalytics.transforms.ner.ResolvedMention;
import org.corpusanalytics.transforms.ner.crf.CrfEntityRecognizer;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * The rule ablation of {@code EvaluateEntities --ablation=true}: the CRF baseline and the
 * recognition stage with each rule added in turn and left out in turn, scored like the graders do.
 * Runs {@link ArticleRecognition} in process (the code the report's transform runs per article);
 * each distinct unit of text is tagged once for all variants.
 */
final class Ablation {
  private Ablation() {}

  /** A recognizer that remembers its answers, so variants sharing units share the tagging. */
  static final class CachingRecognizer implements EntityRecognizer {
    private static final long serialVersionUID = 1L;
    private final EntityRecognizer inner;
    private final transient Map<String, List<Mention>> cache = new ConcurrentHashMap<>();

    CachingRecognizer(EntityRecognizer inner) {
      this.inner = inner;
    }

    @Override
    public void warmUp() {
      inner.warmUp();
    }

    @Override
    public List<Mention> recognize(String sentence) {
      return cache.computeIfAbsent(sentence, inner::recognize);
    }
  }

  static final String REPORT = "+ organization names: head words, abbreviations (= report)";

  /**
   * Prints one line per variant; with {@code errors} non-null, also collects the false positives
   * and negatives of the report's variant there.
   */
  static void run(
      List<ConllDocuments.Document> documents,
      int threads,
      PrintStream out,
      @Nullable StringBuilder errors) {
    EntityRecognizer ours = new CachingRecognizer(new CrfEntityRecognizer());
    EntityRecognizer wholeSentences =
        new CachingRecognizer(
            new CrfEntityRecognizer().withContextTokens(CrfEntityRecognizer.WHOLE_SENTENCES));
    EntityRecognizer coreNlp =
        new CrfEntityRecognizer(
                CrfEntityRecognizer.DEFAULT_MODEL,
                CrfEntityRecognizer.CORENLP_DEFAULT_TOKENIZER_OPTIONS)
            .withContextTokens(CrfEntityRecognizer.WHOLE_SENTENCES);
    RecognitionRules all = RecognitionRules.defaults();
    RecognitionRules none =
        all.withLineUnits(false)
            .withLabelConsistency(false)
            .withAliasRules(false, false)
            .withDatelines(false)
            .withKnownNames(false)
            .withResultsLines(false)
            .withNameShapes(false)
            .withOrganizationNames(false);
    Map<String, Function<ConllDocuments.Document, List<EntityScores.Scored>>> variants =
        new LinkedHashMap<>();
    variants.put(
        "CRF, CoreNLP tokenizer and sentences on raw text",
        d -> scored(coreNlp.recognize(d.text())));
    variants.put(
        "CRF, our tokenizer and sentences, no rules", stage(none.withLineUnits(false), ours));
    variants.put("+ a line is a sentence", stage(none.withLineUnits(true), ours));
    RecognitionRules lc = none.withLineUnits(true).withLabelConsistency(true);
    variants.put("+ label consistency, types only", stage(lc.withTaggedRepeats(false), ours));
    variants.put("+ untagged repeats of tagged strings added", stage(lc, ours));
    variants.put("+ one-word names of a person are that person", stage(lc.withAliasRules(true, false), ours));
    RecognitionRules alias = lc.withAliasRules(true, true);
    variants.put("+ untagged one-word names of a person added", stage(alias, ours));
    variants.put("+ datelines' places are locations", stage(alias.withDatelines(true), ours));
    RecognitionRules shapes = alias.withDatelines(true).withNameShapes(true);
    variants.put("+ name shapes: leading words, company designators", stage(shapes, ours));
    variants.put(
        "+ countries, regions and peoples' words", stage(shapes.withKnownNames(true), ours));
    variants.put(
        "+ results lines: teams and people in results",
        stage(shapes.withKnownNames(true).withResultsLines(true), ours));
    variants.put(REPORT, stage(all, ours));
    variants.put("report tagging whole sentences", stage(all, wholeSentences));
    variants.put("report without line units", stage(all.withLineUnits(false), ours));
    variants.put("report without label consistency", stage(all.withLabelConsistency(false), ours));
    variants.put("report without untagged repeats", stage(all.withTaggedRepeats(false), ours));
    variants.put("report without one-word person links", stage(all.withAliasRules(false, true), ours));
    variants.put("report without untagged one-word names", stage(all.withAliasRules(true, false), ours));
    variants.put("report without datelines", stage(all.withDatelines(false), ours));
    variants.put("report without known names", stage(all.withKnownNames(false), ours));
    variants.put("report without results lines", stage(all.withResultsLines(false), ours));
    variants.put("report without name shapes", stage(all.withNameShapes(false), ours));
    variants.put(
        "report without organization names", stage(all.withOrganizationNames(false), ours));

    out.printf(Locale.ROOT, "%-58s %7s %7s %7s %7s %7s %7s %7s%n",
        "variant", "P", "R", "F1", "PER", "ORG", "LOC", "MISC");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (Map.Entry<String, Function<ConllDocuments.Document, List<EntityScores.Scored>>> v :
          variants.entrySet()) {
        List<Future<List<EntityScores.Scored>>> futures = new ArrayList<>();
        for (ConllDocuments.Document d : documents) {
          futures.add(pool.submit(() -> v.getValue().apply(d)));
        }
        Map<String, List<EntityScores.Scored>> predicted = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
          predicted.put(documents.get(i).id(), futures.get(i).get());
        }
        EntityScores s =
            EvaluateEntities.score(documents, predicted, v.getKey().equals(REPORT) ? errors : null)
                .bag;
        long[] c = s.overall();
        out.printf(Locale.ROOT, "%-58s %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f%n",
            v.getKey(),
            c[0] + c[1] == 0 ? 0.0 : (double) c[0] / (c[0] + c[1]),
            c[0] + c[2] == 0 ? 0.0 : (double) c[0] / (c[0] + c[2]),
            s.f1(), s.f1("PER"), s.f1("ORG"), s.f1("LOC"), s.f1("MISC"));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("tagging failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Function<ConllDocuments.Document, List<EntityScores.Scored>> stage(
      RecognitionRules rules, EntityRecognizer recognizer) {
    ArticleRecognition stage =
        new ArticleRecognition(new TextNormalizer(), new SentenceSplitter(), rules);
    return d -> {
      AnnotatedArticle a =
          stage.annotate(new DedupedArticle(EvaluateEntities.asArticle(d), List.of()), recognizer);
      List<EntityScores.Scored> scored = new ArrayList<>();
      for (ResolvedMention m : a.mentions()) {
        scored.add(
            new EntityScores.Scored(
                m.start(), m.end(), m.text(), ConllDocuments.conllType(m.type().name())));
      }
      return scored;
    };
  }

  private static List<EntityScores.Scored> scored(List<Mention> mentions) {
    List<EntityScores.Scored> scored = new ArrayList<>();
    for (Mention m : mentions) {
      scored.add(
          new EntityScores.Scored(
              m.start(), m.end(), m.text(), ConllDocuments.conllType(m.type().name())));
    }
    return scored;
  }
}
