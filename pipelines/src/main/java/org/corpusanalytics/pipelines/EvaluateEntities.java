package org.corpusanalytics.pipelines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.corpusanalytics.pipelines.eval.ConllDocuments;
import org.corpusanalytics.pipelines.eval.EntityScores;
import org.corpusanalytics.pipelines.eval.WireCopy;
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
 * <p>Each document becomes one article whose body is raw text: one sentence per line, tokens joined
 * by single spaces; with {@code --layout=wire}, raw wire copy instead ({@link WireCopy}). By
 * default the command writes those articles as JSON Lines, runs the report itself on them ({@link
 * CorpusReport}, with {@code --dedup=none --emitMentions=true --outputFormat=csv} and any other
 * report option given) and scores its {@code mentions} table the way the graders do: per article,
 * the multiset of (mention text, type) against the gold one.
 * Exact-span scores are printed too.
 *
 * <pre>
 * java -cp pipelines/target/corpus-analytics.jar org.corpusanalytics.pipelines.EvaluateEntities \
 *     --conll=dev.txt [--workDir=DIR] [--errors=FILE] [report options, e.g. --gazetteer=FILE.csv]
 * EvaluateEntities --conll=dev.txt --mentions=DIR      scores the mentions table of an earlier run
 * EvaluateEntities --conll=dev.txt --ablation=true     the rule ablation table (in process)
 * </pre>
 */
public final class EvaluateEntities {
  private EvaluateEntities() {}

  /** The command's own options; every other {@code --name=value} goes to the report. */
  private static final List<String> OWN =
      List.of("conll", "layout", "workDir", "errors", "mentions", "ablation", "threads", "help");

  public static void main(String[] args) {
    OptionalInt child = CompilingJvm.runIfUseful(EvaluateEntities.class, args);
    System.exit(child.isPresent() ? child.getAsInt() : run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options;
    List<String> reportArgs = new ArrayList<>();
    try {
      options = parse(args);
      for (String arg : args) {
        String name = arg.substring(2, arg.indexOf('=') < 0 ? arg.length() : arg.indexOf('='));
        if (!OWN.contains(name)) {
          reportArgs.add(arg);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("evaluate-entities: " + e.getMessage());
      return 2;
    }
    if (options.containsKey("help") || !options.containsKey("conll")) {
      out.println(
          "Usage: EvaluateEntities --conll=FILE [--layout=lines|wire] [--workDir=DIR] [--errors=FILE]"
              + " [report options]\n"
              + "       EvaluateEntities --conll=FILE --mentions=DIR\n"
              + "       EvaluateEntities --conll=FILE --ablation=true [--threads=N]");
      return options.containsKey("help") ? 0 : 2;
    }
    try {
      List<ConllDocuments.Document> documents;
      try (Reader in = Files.newBufferedReader(Path.of(options.get("conll")), StandardCharsets.UTF_8)) {
        documents = ConllDocuments.read(in);
      }
      String layout = options.getOrDefault("layout", "lines");
      if (layout.equals("wire")) {
        documents = documents.stream().map(WireCopy::render).collect(Collectors.toList());
      } else if (!layout.equals("lines")) {
        throw new IllegalArgumentException("--layout must be lines or wire, not " + layout);
      }
      if (flag(options, "ablation", false)) {
        StringBuilder errors = options.containsKey("errors") ? new StringBuilder() : null;
        Ablation.run(documents, threads(options), out, errors);
        if (errors != null) {
          Files.writeString(Path.of(options.get("errors")), errors, StandardCharsets.UTF_8);
        }
        return 0;
      }
      long started = System.nanoTime();
      Map<String, List<EntityScores.Scored>> predicted;
      if (options.containsKey("mentions")) {
        predicted = readMentionsTable(Path.of(options.get("mentions")));
      } else {
        boolean keep = options.containsKey("workDir");
        Path work =
            keep
                ? Files.createDirectories(Path.of(options.get("workDir")))
                : Files.createTempDirectory("evaluate-entities");
        try {
          predicted = runReport(documents, work, reportArgs, err);
        } finally {
          if (!keep) {
            PartitionPublisher.deleteRecursively(work);
          }
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Scores scores = score(documents, predicted, options.containsKey("errors") ? new StringBuilder() : null);
      if (options.containsKey("errors")) {
        Files.writeString(Path.of(options.get("errors")), scores.errors, StandardCharsets.UTF_8);
      }
      out.printf(Locale.ROOT, "%s: %d documents, %d gold entities, %.1f s%n",
          options.get("conll"), documents.size(), goldCount(documents), seconds);
      out.println("Mentions as (text, type) per article (the graders' scoring):");
      out.print(scores.bag.table());
      out.println("Exact spans:");
      out.print(scores.exact.table());
      out.printf(Locale.ROOT, "F1 %.4f (exact spans %.4f)%n", scores.bag.f1(), scores.exact.f1());
      return 0;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      err.println("evaluate-entities: " + e.getMessage());
      return 1;
    }
  }

  /** Bag (graders') and exact-span scores of predictions against the documents' gold entities. */
  static final class Scores {
    final EntityScores bag = new EntityScores(EntityScores.Matching.BAG);
    final EntityScores exact = new EntityScores(EntityScores.Matching.EXACT);
    final StringBuilder errors;

    Scores(StringBuilder errors) {
      this.errors = errors;
    }
  }

  static Scores score(
      List<ConllDocuments.Document> documents,
      Map<String, List<EntityScores.Scored>> predicted,
      StringBuilder errors) {
    Scores scores = new Scores(errors);
    for (ConllDocuments.Document d : documents) {
      List<EntityScores.Scored> gold = gold(d);
      List<EntityScores.Scored> pred = predicted.getOrDefault(d.id(), List.of());
      scores.bag.add(pred, gold);
      scores.exact.add(pred, gold);
      if (errors != null) {
        describeErrors(d, pred, gold, errors);
      }
    }
    return scores;
  }

  /**
   * Writes the documents as JSON Lines, runs the report on them as the graders do and reads back
   * its mentions table.
   */
  static Map<String, List<EntityScores.Scored>> runReport(
      List<ConllDocuments.Document> documents, Path work, List<String> reportArgs, PrintStream err)
      throws IOException {
    Path jsonl = work.resolve("articles.jsonl");
    writeJsonl(documents, jsonl);
    Path output = work.resolve("report");
    List<String> args = new ArrayList<>();
    args.add("--input=" + jsonl);
    args.add("--output=" + output);
    args.add("--dedup=none");
    args.add("--emitMentions=true");
    args.add("--outputFormat=csv");
    if (reportArgs.stream().noneMatch(a -> a.startsWith("--maxEntitiesPerArticle="))) {
      // Pair counting never touches the mentions, and on the Direct runner each distinct pair
      // costs a bundle: capped, the CoNLL dev set takes 7 minutes; uncapped, over 30.
      args.add("--maxEntitiesPerArticle=2");
    }
    args.addAll(reportArgs);
    int code =
        CorpusReport.run(
            args.toArray(new String[0]), new PrintStream(OutputStream.nullOutputStream()), err);
    if (code != 0) {
      throw new IllegalStateException("the report failed (exit code " + code + ")");
    }
    List<Path> tables;
    try (Stream<Path> walk = Files.walk(output)) {
      tables =
          walk.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals("mentions"))
              .collect(Collectors.toList());
    }
    if (tables.size() != 1) {
      throw new IllegalStateException("expected one mentions table under " + output + ", found " + tables);
    }
    return readMentionsTable(tables.get(0));
  }

  static int threads(Map<String, String> options) {
    return Math.max(
        1,
        Integer.parseInt(
            options.getOrDefault(
                "threads", String.valueOf(Runtime.getRuntime().availableProcessors()))));
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

  static boolean flag(Map<String, String> options, String name, boolean dflt) {
    return Boolean.parseBoolean(options.getOrDefault(name, String.valueOf(dflt)));
  }

  static Article asArticle(ConllDocuments.Document d) {
    return new Article(d.id(), null, d.text(), null, null, null, "conll", 0);
  }

  static List<EntityScores.Scored> gold(ConllDocuments.Document d) {
    List<EntityScores.Scored> gold = new ArrayList<>();
    for (ConllDocuments.GoldEntity g : d.gold()) {
      gold.add(new EntityScores.Scored(g.start(), g.end(), g.text(), g.type()));
    }
    return gold;
  }

  static long goldCount(List<ConllDocuments.Document> documents) {
    long n = 0;
    for (ConllDocuments.Document d : documents) {
      n += d.gold().size();
    }
    return n;
  }

  /** One JSON object per document: {"id": ..., "body": ...}. */
  static void writeJsonl(List<ConllDocuments.Document> documents, Path file)
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
            // A mention wrapped over two lines is scored as the words it holds.
            String text = row.get("text").replaceAll("\\s+", " ");
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
