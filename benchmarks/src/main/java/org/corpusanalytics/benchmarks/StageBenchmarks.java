package org.corpusanalytics.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.crf.CrfEntityRecognizer;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the report's stages, one call per article (or per sentence for the tagger),
 * over the first {@code articles} articles of {@code input}. Run with {@code org.openjdk.jmh.Main
 * StageBenchmarks -p input=...}; see BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class StageBenchmarks {
  @Param("testdata/corpus/*.jsonl")
  public String input;

  @Param("")
  public String fieldMap;

  @Param("")
  public String dateFormat;

  @Param("1000")
  public int articles;

  private final Stages stages = new Stages();
  private final CrfEntityRecognizer crf = new CrfEntityRecognizer();
  private final CrfEntityRecognizer bareCrf =
      crf.withContextTokens(CrfEntityRecognizer.WHOLE_SENTENCES);
  private List<Article> corpus;
  private List<SegmentedText> texts;
  private List<String> normalized;
  private List<String> sentences;
  private List<AnnotatedArticle> annotated;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    List<Article> all = Corpus.read(input, fieldMap, dateFormat).articles;
    corpus = all.subList(0, Math.min(articles, all.size()));
    texts = stages.segment(corpus);
    normalized = Stages.normalizedTexts(texts);
    sentences = Stages.sentences(texts);
    crf.warmUp();
    annotated = stages.annotate(crf, corpus.subList(0, Math.min(200, corpus.size())));
  }

  private int nextIndex(int size) {
    int i = next++;
    if (next >= size) {
      next = 0;
    }
    return i;
  }

  /** Articles per second. */
  @Benchmark
  public Object normalize() {
    return stages.normalizer.normalize(corpus.get(nextIndex(corpus.size())).body());
  }

  /** Articles per second. */
  @Benchmark
  public Object splitSentences() {
    return stages.splitter.split(normalized.get(nextIndex(normalized.size())));
  }

  /** Articles per second: distinct candidates and removed spans of one article. */
  @Benchmark
  public Object planDedup() {
    int i = nextIndex(texts.size());
    return stages.planner.removedSpans(corpus.get(i).id(), texts.get(i), java.util.Map.of()).size()
        + stages.planner.distinctCandidates(texts.get(i)).size();
  }

  /** Per article: shingles, MinHash signature and LSH band keys. */
  @Benchmark
  public Object signNearDuplicates() {
    return stages.lsh.bandKeys(
        stages.lsh.signature(stages.shingles.of(corpus.get(nextIndex(corpus.size())).body())));
  }

  /** Sentences per second through the bare CRF tagger: every token of every sentence. */
  @Benchmark
  public Object tagSentenceWhole() {
    return bareCrf.recognize(sentences.get(nextIndex(sentences.size())));
  }

  /** Sentences per second through the CRF as the report runs it: capitalized stretches only. */
  @Benchmark
  public Object tagSentence() {
    return crf.recognize(sentences.get(nextIndex(sentences.size())));
  }

  /** Batches of 200 annotated articles per second through entity and pair counting. */
  @Benchmark
  public long countEntitiesAndPairs() {
    return Stages.count(annotated);
  }
}
