package org.corpusanalytics.transforms.ner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Finds whole-word occurrences of a fixed set of phrases in one pass over the text (Aho-Corasick
 * over UTF-16 chars). Where matches overlap, the longest wins; among equally long ones, the
 * leftmost. Immutable once built, hence thread-safe.
 */
public final class PhraseMatcher {
  /** A match: [start, end) of the text and the index of the phrase it matched. */
  public record Match(int start, int end, int phrase) {}

  private final EdgeTable edges = new EdgeTable(); // (state << 16 | char) -> state
  private final int[] fail;
  private final int[] dictLink; // nearest proper suffix state that ends a phrase, or -1
  private final int[] phraseAt; // phrase ending at this state, or -1
  private final int[] lengthAt; // its length

  /** Phrases are matched as given (case-sensitive); the first of two equal phrases wins. */
  public PhraseMatcher(List<String> phrases) {
    List<Integer> phraseAtList = new ArrayList<>();
    List<Integer> lengthAtList = new ArrayList<>();
    phraseAtList.add(-1);
    lengthAtList.add(0);
    for (int p = 0; p < phrases.size(); p++) {
      String phrase = phrases.get(p);
      if (phrase.isEmpty()) {
        continue;
      }
      int state = 0;
      for (int i = 0; i < phrase.length(); i++) {
        long key = edgeKey(state, phrase.charAt(i));
        int next = edges.get(key);
        if (next < 0) {
          next = phraseAtList.size();
          phraseAtList.add(-1);
          lengthAtList.add(0);
          edges.put(key, next);
        }
        state = next;
      }
      if (phraseAtList.get(state) < 0) {
        phraseAtList.set(state, p);
        lengthAtList.set(state, phrase.length());
      }
    }
    int states = phraseAtList.size();
    phraseAt = phraseAtList.stream().mapToInt(Integer::intValue).toArray();
    lengthAt = lengthAtList.stream().mapToInt(Integer::intValue).toArray();
    fail = new int[states];
    dictLink = new int[states];
    Arrays.fill(dictLink, -1);
    buildFailureLinks(states);
  }

  private static long edgeKey(int state, char c) {
    return ((long) state << 16) | c;
  }

  private void buildFailureLinks(int states) {
    // Children by state, to walk the trie breadth-first.
    List<List<long[]>> children = new ArrayList<>(states);
    for (int i = 0; i < states; i++) {
      children.add(new ArrayList<>());
    }
    edges.forEach(
        (key, child) -> children.get((int) (key >>> 16)).add(new long[] {key & 0xFFFF, child}));
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (long[] child : children.get(0)) {
      int s = (int) child[1];
      fail[s] = 0;
      queue.add(s);
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      for (long[] child : children.get(state)) {
        char c = (char) child[0];
        int s = (int) child[1];
        int f = fail[state];
        int next;
        while ((next = edges.get(edgeKey(f, c))) < 0 && f != 0) {
          f = fail[f];
        }
        fail[s] = next >= 0 && next != s ? next : 0;
        dictLink[s] = phraseAt[fail[s]] >= 0 ? fail[s] : dictLink[fail[s]];
        queue.add(s);
      }
    }
  }

  /** Non-overlapping whole-word matches in order of position; longest match wins. */
  public List<Match> find(String text) {
    List<Match> all = new ArrayList<>();
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int next;
      while ((next = edges.get(edgeKey(state, c))) < 0 && state != 0) {
        state = fail[state];
      }
      state = next < 0 ? 0 : next;
      for (int s = phraseAt[state] >= 0 ? state : dictLink[state]; s >= 0; s = dictLink[s]) {
        int start = i + 1 - lengthAt[s];
        if (startsWord(text, start) && endsWord(text, i + 1)) {
          all.add(new Match(start, i + 1, phraseAt[s]));
        }
      }
    }
    return longestFirst(all, text.length());
  }

  private static List<Match> longestFirst(List<Match> all, int length) {
    if (all.size() <= 1) {
      return all;
    }
    all.sort(
        (a, b) ->
            a.end() - a.start() != b.end() - b.start()
                ? (b.end() - b.start()) - (a.end() - a.start())
                : Integer.compare(a.start(), b.start()));
    boolean[] taken = new boolean[length];
    List<Match> chosen = new ArrayList<>();
    for (Match m : all) {
      boolean free = true;
      for (int k = m.start(); k < m.end() && free; k++) {
        free = !taken[k];
      }
      if (free) {
        Arrays.fill(taken, m.start(), m.end(), true);
        chosen.add(m);
      }
    }
    chosen.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return chosen;
  }

  /**
   * True when a word cannot continue across {@code pos}: letters, digits and hyphens on both sides
   * join ("Kim Jong-un", "Anglo-French"); a space, other punctuation or the text's edge does not.
   */
  public static boolean isWordBoundary(String text, int pos) {
    if (pos <= 0 || pos >= text.length()) {
      return true;
    }
    return !(isWordChar(text.codePointBefore(pos)) && isWordChar(text.codePointAt(pos)));
  }

  /**
   * A match may start at {@code start}: a word boundary, where a phrase's leading period does not
   * continue a word before it (".NET" is no word of "ASP.NET").
   */
  static boolean startsWord(String text, int start) {
    return isWordBoundary(text, start)
        && !(start > 0 && text.charAt(start) == '.' && isWordChar(text.codePointBefore(start)));
  }

  /**
   * A match may end at {@code end}: a word boundary, where a phrase's final period is not followed
   * by a letter or digit ("U.S." is no word of "U.S.S.R." or "U.S.A.", but is one of "U.S.-China",
   * where the period already ended it).
   */
  static boolean endsWord(String text, int end) {
    return isWordBoundary(text, end)
        && !(end < text.length()
            && text.charAt(end - 1) == '.'
            && Character.isLetterOrDigit(text.charAt(end)));
  }

  /**
   * Letters and digits (of any plane: 𝔸 is one, an emoji is not), combining marks, hyphens and
   * underscores.
   */
  private static boolean isWordChar(int codePoint) {
    if (Character.isLetterOrDigit(codePoint) || codePoint == '-' || codePoint == '_') {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /**
   * The trie's edges: an open-addressing table from edge key to state, without the boxing of a
   * {@code HashMap<Long, Integer>} on every character of the text.
   */
  private static final class EdgeTable {
    private long[] keys = new long[64]; // key + 1; 0 marks a free slot
    private int[] values = new int[64];
    private int size;

    /** The state at the end of the edge, or -1. */
    int get(long key) {
      long stored = key + 1;
      int mask = keys.length - 1;
      for (int i = slot(key, mask); ; i = (i + 1) & mask) {
        long k = keys[i];
        if (k == stored) {
          return values[i];
        }
        if (k == 0) {
          return -1;
        }
      }
    }

    void put(long key, int value) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (keys[i] != 0 && keys[i] != key + 1) {
        i = (i + 1) & mask;
      }
      if (keys[i] == 0) {
        size++;
      }
      keys[i] = key + 1;
      values[i] = value;
    }

    void forEach(BiConsumer<Long, Integer> action) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] != 0) {
          action.accept(keys[i] - 1, values[i]);
        }
      }
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != 0) {
          put(oldKeys[i] - 1, oldValues[i]);
        }
      }
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }
  }
}
