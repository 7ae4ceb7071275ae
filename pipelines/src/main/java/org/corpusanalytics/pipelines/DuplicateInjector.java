package org.corpusanalytics.pipelines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.support.CodePointOrder;

/**
 * Injects known duplicates into a corpus, deterministically for a seed, and remembers where they
 * are: the ground truth of {@link EvaluateDedup}.
 *
 * <ul>
 *   <li><b>doubled</b>: the whole body twice, glued without a space; the second copy is a repeat;
 *   <li><b>repeated paragraph</b>: a paragraph copied after a later paragraph; the copy is a repeat;
 *   <li><b>boilerplate</b>: a line (from {@link #BOILERPLATE}) as its own paragraph at the top or
 *       the bottom; every occurrence after the first in canonical order is a repeat;
 *   <li><b>syndicated copy</b>: a new article with a new headline, the last paragraph before the
 *       sign-off trimmed and a few words edited, dated two hours after its source (one hour before
 *       it for a quarter of them, so the copy is the one kept).
 * </ul>
 *
 * Articles are visited in canonical order and every choice comes from one {@link Random} with the
 * given seed, so the same corpus and seed give the same injected corpus.
 */
final class DuplicateInjector {
  /** Boilerplate lines, written for this evaluation. */
  static final List<String> BOILERPLATE =
      List.of(
          "Subscribe to our daily briefing for the latest market news and analysis.",
          "This story was produced by the newsroom and distributed to partner sites.",
          "For corrections or questions about this story, please contact the editorial desk.",
          "Copyright Example News Service. All rights reserved. Redistribution of this material"
              + " without prior written consent is prohibited.",
          "Click here to read more stories from our business and economy section.",
          "Follow us for breaking news alerts delivered straight to your inbox every morning.",
          "Prices quoted are indicative and may not reflect final settlement values.",
          "Sign up now to receive our weekly commodities newsletter at no cost.");

  private static final List<String> EDIT_WORDS =
      List.of("reportedly", "roughly", "nearly", "officials", "sources", "markets", "analysts");
  private static final Pattern PARAGRAPH_BREAK =
      Pattern.compile("\\r?\\n[ \\t]*\\r?\\n\\s*|\\r?\\n[ \\t]+");
  private static final Pattern EDITABLE_WORD = Pattern.compile("\\b[a-z]{4,}\\b");
  private static final long HOUR = 3_600_000L;

  static final Comparator<Article> CANONICAL =
      Comparator.comparing(
              Article::publishedMillis, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
          .thenComparing(Article::id, CodePointOrder.INSTANCE);

  final double doubledRate;
  final double repeatedParagraphRate;
  final double syndicatedRate;
  final double boilerplateRate;

  DuplicateInjector(
      double doubledRate, double repeatedParagraphRate, double syndicatedRate, double boilerplateRate) {
    this.doubledRate = doubledRate;
    this.repeatedParagraphRate = repeatedParagraphRate;
    this.syndicatedRate = syndicatedRate;
    this.boilerplateRate = boilerplateRate;
  }

  /** The injected corpus and its truth. */
  static final class Injected {
    final List<Article> articles = new ArrayList<>();
    /** Per article id: the spans [start, end) of the body that repeat earlier text. */
    final Map<String, List<int[]>> repeatSpans = new HashMap<>();
    /** Syndicated copy id to source id. */
    final Map<String, String> syndicatedFrom = new LinkedHashMap<>();

    int doubled;
    int repeatedParagraphs;
    int boilerplateLines;
  }

  private enum Kind {
    ORIGINAL,
    REPEAT,
    BOILERPLATE
  }

  private static final class Piece {
    final String text;
    final Kind kind;
    final int line; // boilerplate line index

    Piece(String text, Kind kind, int line) {
      this.text = text;
      this.kind = kind;
      this.line = line;
    }

    Piece as(Kind k) {
      return new Piece(text, k, line);
    }

    boolean isSeparator() {
      return text.isBlank();
    }
  }

  private static final class Draft {
    final Article article;
    List<Piece> pieces;

    Draft(Article article, List<Piece> pieces) {
      this.article = article;
      this.pieces = pieces;
    }
  }

  Injected inject(List<Article> corpus, long seed) {
    List<Article> ordered = new ArrayList<>(corpus);
    ordered.sort(CANONICAL);
    Random random = new Random(seed);
    Injected result = new Injected();
    List<Draft> drafts = new ArrayList<>();
    for (Article article : ordered) {
      List<Piece> pieces = paragraphs(article.body());
      double choice = random.nextDouble();
      boolean boilerplate = random.nextDouble() < boilerplateRate;
      int line = random.nextInt(BOILERPLATE.size());
      boolean top = random.nextBoolean();
      long pieceSeed = random.nextLong();
      if (boilerplate) {
        Piece b = new Piece(BOILERPLATE.get(line), Kind.BOILERPLATE, line);
        Piece sep = new Piece("\n\n", Kind.ORIGINAL, -1);
        if (top) {
          pieces.add(0, sep);
          pieces.add(0, b);
        } else {
          pieces.add(sep);
          pieces.add(b);
        }
        result.boilerplateLines++;
      }
      Random local = new Random(pieceSeed);
      if (choice < doubledRate) {
        List<Piece> twice = new ArrayList<>(pieces);
        for (Piece p : pieces) {
          twice.add(p.as(Kind.REPEAT));
        }
        pieces = twice;
        result.doubled++;
      } else if (choice < doubledRate + repeatedParagraphRate) {
        if (repeatParagraph(pieces, local)) {
          result.repeatedParagraphs++;
        }
      } else if (choice < doubledRate + repeatedParagraphRate + syndicatedRate) {
        Draft copy = syndicate(article, pieces, local, ordered.size());
        if (copy != null) {
          drafts.add(copy);
          result.syndicatedFrom.put(copy.article.id(), article.id());
        }
      }
      drafts.add(new Draft(article, pieces));
    }
    markLaterBoilerplate(drafts);
    for (Draft d : drafts) {
      StringBuilder body = new StringBuilder();
      List<int[]> spans = new ArrayList<>();
      for (Piece p : d.pieces) {
        int start = body.length();
        body.append(p.text);
        if (p.kind == Kind.REPEAT && !p.isSeparator()) {
          spans.add(new int[] {start, body.length()});
        }
      }
      result.articles.add(d.article.withBody(body.toString()));
      if (!spans.isEmpty()) {
        result.repeatSpans.put(d.article.id(), spans);
      }
    }
    return result;
  }

  /** Splits a body into paragraphs and the breaks between them, all {@link Kind#ORIGINAL}. */
  private static List<Piece> paragraphs(String body) {
    List<Piece> pieces = new ArrayList<>();
    Matcher m = PARAGRAPH_BREAK.matcher(body);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        pieces.add(new Piece(body.substring(at, m.start()), Kind.ORIGINAL, -1));
      }
      pieces.add(new Piece(m.group(), Kind.ORIGINAL, -1));
      at = m.end();
    }
    if (at < body.length()) {
      pieces.add(new Piece(body.substring(at), Kind.ORIGINAL, -1));
    }
    return pieces;
  }

  /** Indices of the paragraphs of the original text, in order. */
  private static List<Integer> contentParagraphs(List<Piece> pieces) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      if (pieces.get(i).kind == Kind.ORIGINAL && !pieces.get(i).isSeparator()) {
        out.add(i);
      }
    }
    return out;
  }

  /** The last paragraph that is not a short sign-off such as {@code Reuter}. */
  private static int lastContentIndex(List<Piece> pieces, List<Integer> paragraphs) {
    int last = paragraphs.size() - 1;
    if (last > 0 && pieces.get(paragraphs.get(last)).text.strip().length() < 20) {
      last--;
    }
    return last;
  }

  private static boolean repeatParagraph(List<Piece> pieces, Random random) {
    List<Integer> paragraphs = contentParagraphs(pieces);
    int last = lastContentIndex(pieces, paragraphs);
    List<Integer> sources = new ArrayList<>();
    for (int k = 0; k < last; k++) {
      if (pieces.get(paragraphs.get(k)).text.strip().length() >= 50) {
        sources.add(k);
      }
    }
    if (sources.isEmpty()) {
      return false;
    }
    int p = sources.get(random.nextInt(sources.size()));
    int q = p + 1 + random.nextInt(last - p);
    int after = paragraphs.get(q);
    String separator = "\n    ";
    if (after + 1 < pieces.size() && pieces.get(after + 1).isSeparator()) {
      separator = pieces.get(after + 1).text;
    }
    pieces.add(after + 1, new Piece(separator, Kind.ORIGINAL, -1));
    pieces.add(after + 2, pieces.get(paragraphs.get(p)).as(Kind.REPEAT));
    return true;
  }

  private static Draft syndicate(Article source, List<Piece> pieces, Random random, int n) {
    List<Integer> paragraphs = contentParagraphs(pieces);
    int last = lastContentIndex(pieces, paragraphs);
    if (last < 3 || source.body().split("\\s+").length < 120) {
      return null;
    }
    List<Piece> copy = new ArrayList<>(pieces);
    int cut = paragraphs.get(last);
    copy.remove(cut);
    if (cut > 0 && copy.get(cut - 1).isSeparator()) {
      copy.remove(cut - 1);
    }
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      List<Integer> editable = contentParagraphs(copy);
      int at = editable.get(random.nextInt(editable.size()));
      String text = copy.get(at).text;
      Matcher m = EDITABLE_WORD.matcher(text);
      List<int[]> words = new ArrayList<>();
      while (m.find()) {
        words.add(new int[] {m.start(), m.end()});
      }
      if (words.isEmpty()) {
        continue;
      }
      int[] w = words.get(random.nextInt(words.size()));
      String replacement = EDIT_WORDS.get(random.nextInt(EDIT_WORDS.size()));
      copy.set(
          at,
          new Piece(
              text.substring(0, w[0]) + replacement + text.substring(w[1]), Kind.ORIGINAL, -1));
    }
    Long published = source.publishedMillis();
    if (published != null) {
      published += random.nextInt(4) == 0 ? -HOUR : 2 * HOUR;
    }
    Article article =
        new Article(
            "syn-" + source.id(),
            "UPDATE 1-" + (source.title() == null ? "" : source.title()),
            source.body(),
            published,
            "Syndicated Wire",
            null,
            source.sourceFile(),
            source.record() + n);
    return new Draft(article, copy);
  }

  /** Keeps the first occurrence of each boilerplate line in canonical order; the rest repeat. */
  private static void markLaterBoilerplate(List<Draft> drafts) {
    List<Draft> ordered = new ArrayList<>(drafts);
    ordered.sort(Comparator.comparing(d -> d.article, CANONICAL));
    boolean[] seen = new boolean[BOILERPLATE.size()];
    for (Draft d : ordered) {
      List<Piece> marked = new ArrayList<>();
      for (Piece p : d.pieces) {
        if (p.kind == Kind.BOILERPLATE) {
          marked.add(seen[p.line] ? p.as(Kind.REPEAT) : p);
          seen[p.line] = true;
        } else {
          marked.add(p);
        }
      }
      d.pieces = marked;
    }
  }
}
