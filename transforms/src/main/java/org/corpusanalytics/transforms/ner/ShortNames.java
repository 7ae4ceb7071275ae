package org.corpusanalytics.transforms.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The rule that links a one-word person name standing alone in an article ("Trump", with no full
 * name in that article) to the full name the corpus uses it with ("Donald Trump").
 *
 * <ul>
 *   <li>An article <em>uses a short form with longer ones</em> when a mention's name is one word
 *       that is the first or last word of one or more multi-word person names of that article.
 *   <li>The short form links to a longer one when at least {@code minShare} (default 90%) of the
 *       articles that use the short form with longer ones use that longer one, and no other longer
 *       one reaches the share (then it is ambiguous and left alone).
 *   <li>The link applies to person mentions whose entity is still the bare short form, in articles
 *       that have no multi-word person with that word: inside an article, {@link AliasResolver}
 *       has already decided.
 * </ul>
 */
public final class ShortNames {
  private ShortNames() {}

  /** Per article: each short form used with longer names, and those names. */
  public static Map<String, Set<String>> observations(AnnotatedArticle article) {
    Map<String, Set<String>> byWord = personsByWord(article);
    Map<String, Set<String>> out = new TreeMap<>();
    if (byWord.isEmpty()) {
      return out;
    }
    for (ResolvedMention m : article.mentions()) {
      String name = AliasResolver.canonicalName(m.text(), EntityType.PERSON);
      if (name.indexOf(' ') < 0) {
        Set<String> longer = byWord.get(name);
        if (longer != null) {
          out.put(name, longer);
        }
      }
    }
    return out;
  }

  /** The article with standalone short forms renamed through {@code links}. */
  public static AnnotatedArticle apply(AnnotatedArticle article, Map<String, String> links) {
    if (links.isEmpty()) {
      return article;
    }
    Map<String, Set<String>> byWord = null;
    List<ResolvedMention> mentions = null;
    for (int i = 0; i < article.mentions().size(); i++) {
      ResolvedMention m = article.mentions().get(i);
      if (m.type() != EntityType.PERSON || m.entity().indexOf(' ') >= 0) {
        continue;
      }
      String full = links.get(m.entity());
      if (full == null) {
        continue;
      }
      if (byWord == null) {
        byWord = personsByWord(article);
      }
      if (byWord.containsKey(m.entity())) {
        continue; // not standalone: the article has its own longer name(s) for it
      }
      if (mentions == null) {
        mentions = new ArrayList<>(article.mentions());
      }
      mentions.set(
          i, new ResolvedMention(m.sentence(), m.start(), m.end(), m.text(), m.type(), full));
    }
    if (mentions == null) {
      return article;
    }
    return new AnnotatedArticle(
        article.id(),
        article.title(),
        article.publishedMillis(),
        article.source(),
        article.chars(),
        article.charsRemoved(),
        article.duplicateOf(),
        article.sentences(),
        mentions);
  }

  private static Map<String, Set<String>> personsByWord(AnnotatedArticle article) {
    Map<String, Set<String>> byWord = new HashMap<>();
    for (ResolvedMention m : article.mentions()) {
      if (m.type() != EntityType.PERSON || m.entity().indexOf(' ') < 0) {
        continue;
      }
      String[] words = m.entity().split(" ");
      byWord.computeIfAbsent(words[0], k -> new TreeSet<>()).add(m.entity());
      byWord.computeIfAbsent(words[words.length - 1], k -> new TreeSet<>()).add(m.entity());
    }
    return byWord;
  }

  /** Counts, for one short form, the articles that use it with longer names, and with which. */
  public static final class Votes {
    long articles;
    final Map<String, Long> byLongName = new HashMap<>();

    /** One article's observation: the longer names it uses the short form with. */
    public Votes add(Iterable<String> longNames) {
      articles++;
      for (String name : longNames) {
        byLongName.merge(name, 1L, Long::sum);
      }
      return this;
    }

    public Votes merge(Votes other) {
      articles += other.articles;
      other.byLongName.forEach((k, v) -> byLongName.merge(k, v, Long::sum));
      return this;
    }

    public long articles() {
      return articles;
    }

    /** The one longer name used by at least {@code minShare} of the articles, or null. */
    public @Nullable String decide(double minShare) {
      String winner = null;
      for (Map.Entry<String, Long> e : byLongName.entrySet()) {
        if (e.getValue() >= minShare * articles) {
          if (winner != null) {
            return null; // two names reach the share: ambiguous
          }
          winner = e.getKey();
        }
      }
      return winner;
    }
  }

  /** Coder for {@link Votes}, the combiner's accumulator. */
  public static final class VotesCoder extends AtomicCoder<Votes> {
    private static final MapCoder<String, Long> MAP =
        MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

    @Override
    public void encode(Votes votes, OutputStream out) throws IOException {
      VarLongCoder.of().encode(votes.articles, out);
      MAP.encode(votes.byLongName, out);
    }

    @Override
    public Votes decode(InputStream in) throws IOException {
      Votes votes = new Votes();
      votes.articles = VarLongCoder.of().decode(in);
      votes.byLongName.putAll(MAP.decode(in));
      return votes;
    }
  }
}
