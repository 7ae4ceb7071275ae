package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.util.Locale;
import javax.annotation.Nullable;
import org.apache.beam.sdk.values.PCollection;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.EntityRecognizer;
import org.corpusanalytics.transforms.ner.LinkShortNames;
import org.corpusanalytics.transforms.ner.RecognitionRules;
import org.corpusanalytics.transforms.ner.RecognizeEntities;
import org.corpusanalytics.transforms.ner.crf.CrfEntityRecognizer;
import org.corpusanalytics.transforms.ner.gazetteer.Gazetteer;
import org.corpusanalytics.transforms.ner.gazetteer.GazetteerRecognizer;
import org.corpusanalytics.transforms.text.SentenceSplitter;

/** The report's entity stage, configured from its options; shared with {@link EvaluateEntities}. */
final class EntityStage {
  private EntityStage() {}

  /** The recognizer {@code --recognizer} and {@code --gazetteer} ask for. */
  static EntityRecognizer recognizer(CorpusReportOptions options) {
    return recognizer(
        options.getRecognizer(),
        loadGazetteer(options.getGazetteer()),
        options.getCrfContextTokens());
  }

  static EntityRecognizer recognizer(
      String name, @Nullable Gazetteer gazetteer, int crfContextTokens) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "crf":
        if (crfContextTokens < 0) {
          throw new IllegalArgumentException(
              "--crfContextTokens must be 0 or more, got " + crfContextTokens);
        }
        return new CrfEntityRecognizer().withContextTokens(crfContextTokens);
      case "gazetteer":
        if (gazetteer == null) {
          throw new IllegalArgumentException("--recognizer=gazetteer needs --gazetteer=FILE.csv");
        }
        if (gazetteer.isEmpty()) {
          // A truncated or wrong file would otherwise publish a report without a single entity.
          throw new IllegalArgumentException(
              "the --gazetteer watchlist has no entries, so --recognizer=gazetteer would find no"
                  + " entity");
        }
        return new GazetteerRecognizer(gazetteer);
      default:
        throw new IllegalArgumentException(
            "--recognizer must be one of crf, gazetteer; got '" + name + "'");
    }
  }

  static @Nullable Gazetteer loadGazetteer(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    try {
      return Gazetteer.load(path.trim());
    } catch (IOException e) {
      throw new IllegalArgumentException("--gazetteer " + path + ": " + e.getMessage(), e);
    }
  }

  /** The rules around the recognizer: watchlist semantics for the gazetteer recognizer. */
  static RecognitionRules rules(
      EntityRecognizer recognizer, @Nullable Gazetteer gazetteer, boolean labelConsistency) {
    return rules(recognizer, gazetteer, labelConsistency, true, true);
  }

  /** As above, with the world-knowledge and layout rules switchable. */
  static RecognitionRules rules(
      EntityRecognizer recognizer,
      @Nullable Gazetteer gazetteer,
      boolean labelConsistency,
      boolean knownNames,
      boolean resultsLines) {
    if (recognizer instanceof GazetteerRecognizer g) {
      return RecognitionRules.watchlist(g.gazetteer());
    }
    return RecognitionRules.defaults()
        .withLabelConsistency(labelConsistency)
        .withKnownNames(knownNames)
        .withDatelines(resultsLines)
        .withResultsLines(resultsLines)
        .withGazetteer(gazetteer);
  }

  /** Recognizes the entities of the kept text, then links short names across the corpus. */
  static PCollection<AnnotatedArticle> recognize(
      PCollection<DedupedArticle> deduped,
      CorpusReportOptions options,
      EntityRecognizer recognizer,
      SentenceSplitter splitter) {
    Gazetteer gazetteer =
        recognizer instanceof GazetteerRecognizer g
            ? g.gazetteer()
            : loadGazetteer(options.getGazetteer());
    RecognitionRules rules =
        rules(
            recognizer,
            gazetteer,
            options.getLabelConsistency(),
            options.getKnownNames(),
            options.getResultsLines());
    PCollection<AnnotatedArticle> annotated =
        deduped.apply(
            "RecognizeEntities",
            RecognizeEntities.with(recognizer).withSplitter(splitter).withRules(rules));
    if (rules.watchlistOnly()) {
      return annotated; // watchlist names are canonical already
    }
    return annotated.apply(
        "LinkShortNames", LinkShortNames.withMinShare(options.getCanonicalNameShare()));
  }
}
