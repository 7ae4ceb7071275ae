package org.corpusanalytics.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.KV;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.dedup.FindNearDuplicates;
import org.corpusanalytics.transforms.dedup.MinHashLsh;
import org.corpusanalytics.transforms.dedup.RemoveRepeatedSegments;
import org.corpusanalytics.transforms.dedup.RepeatPlanner;
import org.corpusanalytics.transforms.dedup.ShingleSet;
import org.corpusanalytics.transforms.dedup.Shingles;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.EntityRecognizer;
import org.corpusanalytics.transforms.ner.RecognizeEntities;
import org.corpusanalytics.transforms.stats.ArticleEntities;
import org.corpusanalytics.transforms.stats.CountComentions;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * The report's per-article stages as plain Java, one thread, no runner: what each costs on its
 * own. The JMH benchmarks and the end-to-end driver both call these.
 */
final class Stages {
  final TextNormalizer normalizer = new TextNormalizer();
  final SentenceSplitter splitter = new SentenceSplitter();
  final Shingles shingles = new Shingles();
  final MinHashLsh lsh = MinHashLsh.forThreshold(FindNearDuplicates.DEFAULT_THRESHOLD);
  final RepeatPlanner planner = new RepeatPlanner(RemoveRepeatedSegments.DEFAULT_MIN_SEGMENT_CHARS);

  /** Normalization (NFC, whitespace, control characters, glue repair). Returns chars out. */
  long normalize(List<Article> articles) {
    long n = 0;
    for (Article a : articles) {
      n += normalizer.normalize(a.body()).text().length();
    }
    return n;
  }

  /** Sentence splitting of already normalized texts. Returns sentences. */
  long split(List<String> normalized) {
    long n = 0;
    for (String text : normalized) {
      n += splitter.split(text).size();
    }
    return n;
  }

  /** Near-duplicate signatures: shingles, MinHash and LSH band keys. Returns band keys. */
  long signNearDuplicates(List<Article> articles) {
    long n = 0;
    for (Article a : articles) {
      ShingleSet set = shingles.of(a.body());
      if (!set.isEmpty()) {
        n += lsh.bandKeys(lsh.signature(set)).length;
      }
    }
    return n;
  }

  /** Dedup planning inside each article (candidates and removed spans). Returns spans removed. */
  long planDedup(List<SegmentedText> texts, List<Article> articles) {
    long n = 0;
    for (int i = 0; i < texts.size(); i++) {
      n += planner.distinctCandidates(texts.get(i)).size();
      n += planner.removedSpans(articles.get(i).id(), texts.get(i), Map.of()).size();
    }
    return n;
  }

  /** The bare tagger over every sentence. Returns mentions. */
  static long tag(EntityRecognizer recognizer, List<String> sentences) {
    long n = 0;
    for (String s : sentences) {
      n += recognizer.recognize(s).size();
    }
    return n;
  }

  /**
   * The bare tagger over every sentence on {@code threads} threads sharing one model, as the
   * report's tasks share it; sentence {@code i} goes to thread {@code i % threads}. Returns mentions.
   */
  static long tagInParallel(EntityRecognizer recognizer, List<String> sentences, int threads)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(
            pool.submit(
                () -> {
                  long n = 0;
                  for (int i = first; i < sentences.size(); i += threads) {
                    n += recognizer.recognize(sentences.get(i)).size();
                  }
                  return n;
                }));
      }
      long n = 0;
      for (Future<Long> part : parts) {
        n += part.get();
      }
      return n;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Normalize, split, tag the kept sentences and resolve aliases, as RecognizeEntities does. */
  List<AnnotatedArticle> annotate(EntityRecognizer recognizer, List<Article> articles) {
    List<AnnotatedArticle> out = new ArrayList<>(articles.size());
    for (Article a : articles) {
      out.add(
          RecognizeEntities.annotate(
              new DedupedArticle(a, List.of()), recognizer, normalizer, splitter));
    }
    return out;
  }

  /** Entity and pair counting as the combiners' inputs are made, summed into maps. */
  static long count(List<AnnotatedArticle> articles) {
    Map<KV<String, String>, Long> entities = new HashMap<>();
    Map<KV<String, String>, Long> pairs = new HashMap<>();
    for (AnnotatedArticle a : articles) {
      ArticleEntities.mentionsByEntityAndType(a).forEach((k, v) -> entities.merge(k, v, Long::sum));
      Set<String> candidates =
          ArticleEntities.pairCandidates(a, CountComentions.DEFAULT_MAX_ENTITIES_PER_ARTICLE);
      ArticleEntities.pairs(a, candidates).forEach((k, v) -> pairs.merge(k, v, Long::sum));
    }
    return entities.size() + pairs.size();
  }

  List<SegmentedText> segment(List<Article> articles) {
    List<SegmentedText> out = new ArrayList<>(articles.size());
    for (Article a : articles) {
      out.add(SegmentedText.of(a.body(), normalizer, splitter));
    }
    return out;
  }

  static List<String> normalizedTexts(List<SegmentedText> texts) {
    List<String> out = new ArrayList<>(texts.size());
    for (SegmentedText t : texts) {
      out.add(t.normalizedText());
    }
    return out;
  }

  static List<String> sentences(List<SegmentedText> texts) {
    List<String> out = new ArrayList<>();
    for (SegmentedText t : texts) {
      for (int i = 0; i < t.size(); i++) {
        out.add(t.sentence(i));
      }
    }
    return out;
  }
}
