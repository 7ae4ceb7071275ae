package org.corpusanalytics.transforms.ner;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.ner.gazetteer.Gazetteer;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * The recognition stage of one article, in two halves around the tagger so that a pipeline can tag
 * each distinct piece of text once for the whole corpus:
 *
 * <ol>
 *   <li>{@link #units}: the pieces of text the tagger sees: the sentences that dedup kept (or, in an
 *       article laid out one sentence per line, their lines);
 *   <li>{@link #assemble}: given the tagger's mentions for each unit, applies {@link
 *       LabelConsistency}, {@link AliasResolver} and the watchlist's canonical names, and maps the
 *       offsets back to the body as read.
 * </ol>
 *
 * {@link #annotate} runs both with a recognizer in between. Immutable and thread-safe.
 */
public final class ArticleRecognition implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TextNormalizer normalizer;
  private final SentenceSplitter splitter;
  private final RecognitionRules rules;

  public ArticleRecognition(
      TextNormalizer normalizer, SentenceSplitter splitter, RecognitionRules rules) {
    this.normalizer = normalizer;
    this.splitter = splitter;
    this.rules = rules;
  }

  public RecognitionRules rules() {
    return rules;
  }

  /** A piece of a kept sentence that the tagger sees on its own. */
  public record Unit(int kept, int offset, String text) {}

  /**
   * The article's kept sentences and the units cut from them. Where units are cut at line breaks,
   * each line is a sentence for the counts too (co-mentions in one sentence, sentences per
   * article): a table row without a full stop is no part of the next row's sentence.
   */
  private static final class Prepared {
    final SegmentedText text;
    final List<Integer> kept = new ArrayList<>(); // indices into text
    final List<Unit> units = new ArrayList<>();
    final List<Integer> firstLine = new ArrayList<>(); // per kept sentence
    final List<List<Integer>> lineStarts = new ArrayList<>(); // per kept sentence, after the first
    int lines;

    Prepared(SegmentedText text) {
      this.text = text;
    }

    /** The counted sentence (line) of offset {@code start} in kept sentence {@code k}. */
    int lineOf(int k, int start) {
      int line = firstLine.get(k);
      for (int lineStart : lineStarts.get(k)) {
        if (lineStart > start) {
          break;
        }
        line++;
      }
      return line;
    }
  }

  private Prepared prepare(DedupedArticle deduped) {
    String body = deduped.article().body();
    LineLayout layout = LineLayout.of(body);
    boolean byLine = rules.lineUnits() && layout.cutsLines();
    // Units are cut at line breaks there, so a list item's rank ("7.") stays with its line.
    Prepared p =
        new Prepared(
            SegmentedText.of(
                body, normalizer, byLine ? splitter.withRanksEndingSentences(false) : splitter));
    SegmentedText text = p.text;
    for (int i = 0; i < text.size(); i++) {
      if (deduped.isRemoved(text.originalStart(i), text.originalEnd(i))) {
        continue;
      }
      int k = p.kept.size();
      p.kept.add(i);
      p.firstLine.add(p.lines++);
      List<Integer> lineStarts = new ArrayList<>();
      p.lineStarts.add(lineStarts);
      String sentence = text.sentence(i);
      for (int[] part : keptParts(deduped, text, i)) {
        int from = part[0];
        if (byLine) {
          for (int j = from; j < part[1]; j++) {
            if (sentence.charAt(j) == ' '
                && layout.cutsAt(text.originalStart(i, j), text.originalEnd(i, j + 1))) {
              p.units.add(new Unit(k, from, sentence.substring(from, j)));
              if (j > from) {
                lineStarts.add(j + 1);
                p.lines++;
              }
              from = j + 1;
            }
          }
        }
        p.units.add(new Unit(k, from, sentence.substring(from, part[1])));
      }
    }
    return p;
  }

  /**
   * The parts of sentence {@code i} that dedup kept, as [from, to) offsets into its normalized
   * text, without their edge spaces: the whole sentence unless a removed span covers part of it (a
   * glued copy or sign-off), so removed text is never tagged.
   */
  private static List<int[]> keptParts(DedupedArticle deduped, SegmentedText text, int i) {
    String sentence = text.sentence(i);
    if (!deduped.overlapsRemoved(text.originalStart(i), text.originalEnd(i))) {
      return List.of(new int[] {0, sentence.length()});
    }
    List<int[]> parts = new ArrayList<>();
    int from = -1;
    for (int j = 0; j <= sentence.length(); j++) {
      boolean kept =
          j < sentence.length()
              && !deduped.isRemoved(text.originalStart(i, j), text.originalEnd(i, j + 1));
      if (kept && from < 0) {
        from = j;
      } else if (!kept && from >= 0) {
        int to = j;
        while (from < to && sentence.charAt(from) == ' ') {
          from++;
        }
        while (to > from && sentence.charAt(to - 1) == ' ') {
          to--;
        }
        if (to > from) {
          parts.add(new int[] {from, to});
        }
        from = -1;
      }
    }
    return parts;
  }

  /** The texts the tagger must see for this article, in order; none if the text cannot be split. */
  public List<String> units(DedupedArticle deduped) {
    List<String> texts = new ArrayList<>();
    Prepared p;
    try {
      p = prepare(deduped);
    } catch (RuntimeException | StackOverflowError e) {
      return texts; // assemble() counts the failure
    }
    for (Unit u : p.units) {
      texts.add(u.text());
    }
    return texts;
  }

  /**
   * The recognizer's mentions of {@code text}, or null when the recognizer failed on it: bad content
   * (or a tagger bug it triggers) costs that text's mentions, never the run.
   */
  public static @Nullable List<Mention> tag(EntityRecognizer recognizer, String text) {
    try {
      List<Mention> found = recognizer.recognize(text);
      return found == null ? List.of() : found;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /** Tags every unit with {@code recognizer} and assembles the article. */
  public AnnotatedArticle annotate(DedupedArticle deduped, EntityRecognizer recognizer) {
    List<List<Mention>> tags = new ArrayList<>();
    for (String unit : units(deduped)) {
      tags.add(tag(recognizer, unit));
    }
    return assemble(deduped, tags);
  }

  /**
   * Builds the annotated article from the tagger's mentions for each of {@link #units} (same order;
   * offsets into the unit's text; null for a unit the recognizer failed on). Never throws for the
   * article's content: a text that cannot be split or resolved gives the article without mentions,
   * with one more failure counted; mentions with spans outside their text are dropped.
   */
  public AnnotatedArticle assemble(DedupedArticle deduped, List<List<Mention>> unitMentions) {
    Prepared p;
    try {
      p = prepare(deduped);
    } catch (RuntimeException | StackOverflowError e) {
      return withoutMentions(deduped, 0, 0, 1);
    }
    if (unitMentions.size() != p.units.size()) {
      throw new IllegalArgumentException(
          "expected mentions for " + p.units.size() + " units, got " + unitMentions.size());
    }
    int failed = 0;
    for (List<Mention> m : unitMentions) {
      failed += m == null ? 1 : 0;
    }
    try {
      return assemble(deduped, p, unitMentions, failed);
    } catch (RuntimeException | StackOverflowError e) {
      return withoutMentions(deduped, p.lines, p.text.sentencesCut(), failed + 1);
    }
  }

  private static AnnotatedArticle withoutMentions(
      DedupedArticle deduped, int sentences, int sentencesCut, int sentencesFailed) {
    return annotated(deduped, sentences, List.of(), sentencesCut, sentencesFailed);
  }

  private static AnnotatedArticle annotated(
      DedupedArticle deduped,
      int sentences,
      List<ResolvedMention> mentions,
      int sentencesCut,
      int sentencesFailed) {
    Article article = deduped.article();
    return new AnnotatedArticle(
        article.id(),
        article.title(),
        article.publishedMillis(),
        article.source(),
        article.body().length(),
        deduped.charsRemoved(),
        deduped.duplicateOf(),
        sentences,
        mentions,
        sentencesCut,
        sentencesFailed);
  }

  private AnnotatedArticle assemble(
      DedupedArticle deduped, Prepared p, List<List<Mention>> unitMentions, int failed) {
    Article article = deduped.article();
    SegmentedText text = p.text;
    List<String> sentences = new ArrayList<>(p.kept.size());
    List<List<Mention>> mentions = new ArrayList<>(p.kept.size());
    for (int i : p.kept) {
      sentences.add(text.sentence(i));
      mentions.add(new ArrayList<>());
    }
    List<List<Mention>> byUnit = new ArrayList<>(p.units.size());
    List<String> unitTexts = new ArrayList<>(p.units.size());
    for (int u = 0; u < p.units.size(); u++) {
      String unitText = p.units.get(u).text();
      unitTexts.add(unitText);
      List<Mention> inUnit = new ArrayList<>();
      List<Mention> found = unitMentions.get(u) == null ? List.of() : unitMentions.get(u);
      for (Mention m : found) {
        // The text is cut again: the tagger may have seen another casing or spelling.
        if (m != null && m.start() >= 0 && m.start() <= m.end() && m.end() <= unitText.length()) {
          inUnit.add(
              new Mention(m.start(), m.end(), unitText.substring(m.start(), m.end()), m.type()));
        }
      }
      byUnit.add(inUnit);
    }
    for (int u = 0; u < byUnit.size(); u++) {
      if (rules.datelines()) {
        byUnit.set(u, ResultsLines.datelines(unitTexts.get(u), byUnit.get(u)));
      }
      if (rules.nameShapes()) {
        byUnit.set(u, NameShapes.apply(unitTexts.get(u), byUnit.get(u)));
      }
      if (rules.organizationNames()) {
        byUnit.set(u, OrganizationNames.apply(unitTexts.get(u), byUnit.get(u)));
      }
      if (rules.knownNames()) {
        byUnit.set(u, KnownNames.apply(unitTexts.get(u), byUnit.get(u)));
      }
    }
    if (rules.nameShapes()) {
      byUnit = NameShapes.splitConjunctions(byUnit);
      byUnit = NameShapes.shortOrganizationNames(byUnit);
    }
    if (rules.organizationNames()) {
      byUnit = OrganizationNames.acronyms(unitTexts, byUnit);
    }
    if (rules.labelConsistency()) {
      // Per unit, so that no added mention runs across a line the tagger saw on its own.
      byUnit = LabelConsistency.apply(unitTexts, byUnit, rules.taggedRepeats());
    }
    if (rules.resultsLines()) {
      for (int u = 0; u < byUnit.size(); u++) {
        byUnit.set(u, ResultsLines.results(unitTexts.get(u), byUnit.get(u)));
        byUnit.set(u, PersonLists.apply(unitTexts.get(u), byUnit.get(u)));
      }
    }
    for (int u = 0; u < p.units.size(); u++) {
      Unit unit = p.units.get(u);
      for (Mention m : byUnit.get(u)) {
        mentions.get(unit.kept()).add(m.shifted(unit.offset()));
      }
    }
    List<AliasResolver.Sentence> resolverInput = new ArrayList<>(sentences.size());
    for (int k = 0; k < sentences.size(); k++) {
      resolverInput.add(new AliasResolver.Sentence(sentences.get(k), mentions.get(k)));
    }
    List<AliasResolver.Resolved> resolved =
        new AliasResolver(rules.linkOneWordNames(), rules.addUntaggedNames())
            .resolve(resolverInput);
    Gazetteer gazetteer = rules.gazetteer();
    List<ResolvedMention> out = new ArrayList<>(resolved.size());
    for (AliasResolver.Resolved r : resolved) {
      int sentence = p.kept.get(r.sentence);
      int start = text.originalStart(sentence, r.start);
      int end = text.originalEnd(sentence, r.end);
      if (start < 0 || end <= start || end > article.body().length()) {
        continue; // a span that does not map back into the body is no mention
      }
      if (deduped.overlapsRemoved(start, end)) {
        continue; // the resolver's repeats of a name are found in the whole sentence
      }
      String entity = r.entity;
      EntityType type = r.type;
      if (gazetteer != null) {
        // A watchlist match is named by the name it matched; a tagged mention by its resolved name
        // first ("Trump" resolved to "Donald Trump"), then by its text, unless the article linked
        // it to a longer name: "Carter" resolved to "Jimmy Carter" is no alias "Carter" of another.
        String first = rules.watchlistOnly() ? r.text : entity;
        String second = rules.watchlistOnly() ? entity : r.text;
        Gazetteer.Entry entry = gazetteer.lookup(first, type);
        if (entry == null
            && (rules.watchlistOnly() || wordCount(entity) <= wordCount(r.text))) {
          entry = gazetteer.lookup(second, type);
        }
        if (entry != null) {
          entity = entry.canonical();
        }
      }
      out.add(
          new ResolvedMention(
              p.lineOf(r.sentence, r.start),
              start,
              end,
              article.body().substring(start, end),
              type,
              entity));
    }
    return annotated(deduped, p.lines, out, text.sentencesCut(), failed);
  }

  private static int wordCount(String name) {
    return name.isBlank() ? 0 : name.strip().split("\\s+").length;
  }
}
