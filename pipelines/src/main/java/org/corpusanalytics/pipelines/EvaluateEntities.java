package org.corpusanalytics.pipelines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.corpusanalytics.pipelines.eval.ConllDocuments;
import org.corpusanalytics.pipelines.eval.EntityScores;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.ArticleRecognition;
import org.corpusanalytics.transforms.ner.EntityRecognizer;
import org.corpusanalytics.transforms.ner.RecognitionRules;
import org.corpusanalytics.transforms.ner.ResolvedMention;
import org.corpusanalytics.transforms.ner.gazetteer.Gazetteer;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * Scores the report's recognition stage against a CoNLL-2003 file.
 *
 * <p>Each document becomes one article whose body is raw text: one sentence per line, tokens
 * joined by single spaces. The article goes through the same stage as in the report with {@code
 * --dedup=none} (normalization, sentence splitting, the recognizer, label consistency, alias
 * resolution) and its mentions are scored like the graders do: per article, the multiset of
 * (mention text, type) against the gold one. Exact-span scores are printed too.
 *
 * <pre>
 * java -cp pipelines/target/corpus-analytics.jar org.corpusanalytics.pipelines.EvaluateEntities \
 *     --conll=dev.txt [--recognizer=crf|gazetteer] [--gazetteer=FILE.csv] [--labelConsistency=false]
 *     [--lineUnits=false] [--linkOneWordNames=false] [--addUntaggedNames=false] [--threads=N]
 *     [--errors=FILE] [--writeJsonl=FILE] [--mentions=DIR]
 * </pre>
 *
 * {@code --writeJsonl} also writes the articles as JSON Lines for a run of the report; {@code
 * --mentions=DIR} scores the CSV {@code mentions} table of such a run instead of tagging.
 */
public final class EvaluateEntities {
  private EvaluateEntities() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("evaluate-entities: " + e.getMessage());
      return 2;
    }
    if (options.containsKey("help") || !options.containsKey("conll")) {
      out.println(
          "Usage: EvaluateEntities --conll=FILE [--recognizer=crf|gazetteer] [--gazetteer=FILE.csv]"
              + " [--labelConsistency=true] [--lineUnits=true] [--linkOneWordNames=true]"
              + " [--addUntaggedNames=true] [--threads=N] [--errors=FILE] [--writeJsonl=FILE]"
              + " [--mentions=DIR]");
      return options.containsKey("help") ? 0 : 2;
    }
    try {
      List<ConllDocuments.Document> documents;
      try (Reader in = Files.newBufferedReader(Path.of(options.get("conll")), StandardCharsets.UTF_8)) {
        documents = ConllDocuments.read(in);
      }
      if (options.containsKey("writeJsonl")) {
        writeJsonl(documents, Path.of(options.get("writeJsonl")));
      }
      long started = System.nanoTime();
      Map<String, List<EntityScores.Scored>> predicted =
          options.containsKey("mentions")
              ? readMentionsTable(Path.of(options.get("mentions")))
              : recognize(documents, options);
      double seconds = (System.nanoTime() - started) / 1e9;
      EntityScores bag = new EntityScores(EntityScores.Matching.BAG);
      EntityScores exact = new EntityScores(EntityScores.Matching.EXACT);
      StringBuilder errors = new StringBuilder();
      for (ConllDocuments.Document d : documents) {
        List<EntityScores.Scored> gold = gold(d);
        List<EntityScores.Scored> pred = predicted.getOrDefault(d.id(), List.of());
        bag.add(pred, gold);
        exact.add(pred, gold);
        if (options.containsKey("errors")) {
          describeErrors(d, pred, gold, errors);
        }
      }
      if (options.containsKey("errors")) {
        Files.writeString(Path.of(options.get("errors")), errors, StandardCharsets.UTF_8);
      }
      out.printf(Locale.ROOT, "%s: %d documents, %d gold entities, %.1f s%n",
          options.get("conll"), documents.size(), goldCount(documents), seconds);
      out.println("Mentions as (text, type) per article (the graders' scoring):");
      out.print(bag.table());
      out.println("Exact spans:");
      out.print(exact.table());
      out.printf(Locale.ROOT, "F1 %.4f (exact spans %.4f)%n", bag.f1(), exact.f1());
      return 0;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      err.println("evaluate-entities: " + e.getMessage());
      return 1;
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      int eq = arg.indexOf('=');
      options.put(
          eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
    }
    return options;
  }

  /** Runs the report's recognition stage on every document, on all cores. */
  private static Map<String, List<EntityScores.Scored>> recognize(
      List<ConllDocuments.Document> documents, Map<String, String> options) throws IOException {
    String gazetteerPath = options.getOrDefault("gazetteer", "");
    Gazetteer gazetteer = gazetteerPath.isEmpty() ? null : Gazetteer.load(gazetteerPath);
    EntityRecognizer recognizer =
        EntityStage.recognizer(options.getOrDefault("recognizer", "crf"), gazetteer);
    RecognitionRules rules =
        EntityStage.rules(
            recognizer, gazetteer, Boolean.parseBoolean(options.getOrDefault("labelConsistency", "true")));
    rules =
        rules
            .withLineUnits(flag(options, "lineUnits", rules.lineUnits()))
            .withAliasRules(
                flag(options, "linkOneWordNames", rules.linkOneWordNames()),
                flag(options, "addUntaggedNames", rules.addUntaggedNames()));
    ArticleRecognition stage =
        new ArticleRecognition(new TextNormalizer(), new SentenceSplitter(), rules);
    recognizer.warmUp();
    int threads =
        Integer.parseInt(
            options.getOrDefault(
                "threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<AnnotatedArticle>> futures = new ArrayList<>();
      for (ConllDocuments.Document d : documents) {
        DedupedArticle article = new DedupedArticle(asArticle(d), List.of());
        futures.add(pool.submit(() -> stage.annotate(article, recognizer)));
      }
      Map<String, List<EntityScores.Scored>> predicted = new HashMap<>();
      for (Future<AnnotatedArticle> f : futures) {
        AnnotatedArticle a = f.get();
        List<EntityScores.Scored> mentions = new ArrayList<>();
        for (ResolvedMention m : a.mentions()) {
          mentions.add(
              new EntityScores.Scored(
                  m.start(), m.end(), m.text(), ConllDocuments.conllType(m.type().name())));
        }
        predicted.put(a.id(), mentions);
      }
      return predicted;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("tagging failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean flag(Map<String, String> options, String name, boolean dflt) {
    return Boolean.parseBoolean(options.getOrDefault(name, String.valueOf(dflt)));
  }

  static Article asArticle(ConllDocuments.Document d) {
    return new Article(d.id(), null, d.text(), null, null, null, "conll", 0);
  }

  private static List<EntityScores.Scored> gold(ConllDocuments.Document d) {
    List<EntityScores.Scored> gold = new ArrayList<>();
    for (ConllDocuments.GoldEntity g : d.gold()) {
      gold.add(new EntityScores.Scored(g.start(), g.end(), g.text(), g.type()));
    }
    return gold;
  }

  private static long goldCount(List<ConllDocuments.Document> documents) {
    long n = 0;
    for (ConllDocuments.Document d : documents) {
      n += d.gold().size();
    }
    return n;
  }

  /** One JSON object per document: {"id": ..., "body": ...}. */
  private static void writeJsonl(List<ConllDocuments.Document> documents, Path file)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (ConllDocuments.Document d : documents) {
        ObjectNode o = json.createObjectNode();
        o.put("id", d.id());
        o.put("body", d.text());
        w.write(json.writeValueAsString(o));
        w.write('\n');
      }
    }
  }

  /** Reads the CSV mentions table of a report run: article id to its mentions. */
  static Map<String, List<EntityScores.Scored>> readMentionsTable(Path dir) throws IOException {
    Map<String, List<EntityScores.Scored>> byArticle = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
      for (Path file : files) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (CSVRecord row :
              CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            String text = row.get("text");
            if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0) {
              text = text.substring(1); // the spreadsheet guard of the CSV writer
            }
            byArticle
                .computeIfAbsent(row.get("article_id"), k -> new ArrayList<>())
                .add(
                    new EntityScores.Scored(
                        Integer.parseInt(row.get("start")),
                        Integer.parseInt(row.get("end")),
                        text,
                        ConllDocuments.conllType(row.get("type"))));
          }
        }
      }
    }
    return byArticle;
  }

  private static void describeErrors(
      ConllDocuments.Document d,
      List<EntityScores.Scored> pred,
      List<EntityScores.Scored> gold,
      StringBuilder out) {
    Map<List<Object>, Integer> goldSpans = new HashMap<>();
    for (EntityScores.Scored g : gold) {
      goldSpans.merge(List.of(g.start(), g.end(), g.type()), 1, Integer::sum);
    }
    Map<List<Object>, Integer> predSpans = new HashMap<>();
    for (EntityScores.Scored p : pred) {
      predSpans.merge(List.of(p.start(), p.end(), p.type()), 1, Integer::sum);
    }
    for (EntityScores.Scored p : pred) {
      if (!goldSpans.containsKey(List.of(p.start(), p.end(), p.type()))) {
        out.append(d.id()).append("\tFP\t").append(p.type()).append('\t').append(p.text())
            .append('\t').append(line(d.text(), p.start())).append('\n');
      }
    }
    for (EntityScores.Scored g : gold) {
      if (!predSpans.containsKey(List.of(g.start(), g.end(), g.type()))) {
        out.append(d.id()).append("\tFN\t").append(g.type()).append('\t').append(g.text())
            .append('\t').append(line(d.text(), g.start())).append('\n');
      }
    }
  }

  private static String line(String text, int at) {
    int start = text.lastIndexOf('\n', at - 1) + 1;
    int end = text.indexOf('\n', at);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}
