package org.corpusanalytics.pipelines.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders a CoNLL document as raw wire copy, to measure recognition on text laid out the way news
 * feeds deliver it rather than one tokenized sentence per line: tokens joined as raw text ("said ,"
 * becomes "said,", "( Norway )" becomes "(Norway)", "Moody 's" becomes "Moody's"), each sentence a
 * paragraph hard-wrapped at {@link #WIDTH} columns, every paragraph but the first indented by four
 * spaces. Gold entities keep their tokens, at their new offsets; a line break inside one is a space
 * in its text, as the report writes mention texts.
 */
public final class WireCopy {
  private WireCopy() {}

  public static final int WIDTH = 70;

  private static final Set<String> NO_SPACE_BEFORE =
      Set.of(",", ".", ":", ";", "?", "!", "%", ")", "]", "'s", "'", "n't");
  private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "$");

  public static ConllDocuments.Document render(ConllDocuments.Document d) {
    StringBuilder text = new StringBuilder();
    List<String> sentences = new ArrayList<>();
    // Old offset of each token's start and end, and where it went.
    List<int[]> moves = new ArrayList<>();
    int oldOffset = 0;
    for (int s = 0; s < d.sentences().size(); s++) {
      String sentence = d.sentences().get(s);
      if (s > 0) {
        text.append("\n    ");
        oldOffset++; // the '\n' between sentences
      }
      int paragraphStart = text.length();
      int lineStart = s > 0 ? paragraphStart - 4 : paragraphStart;
      String previous = null;
      int from = 0;
      for (String token : sentence.split(" ", -1)) {
        int oldStart = oldOffset + from;
        from += token.length() + 1;
        if (previous != null
            && !NO_SPACE_BEFORE.contains(token)
            && !NO_SPACE_AFTER.contains(previous)) {
          if (text.length() - lineStart + 1 + token.length() > WIDTH) {
            text.append('\n');
            lineStart = text.length();
          } else {
            text.append(' ');
          }
        }
        moves.add(new int[] {oldStart, oldStart + token.length(), text.length(), text.length() + token.length()});
        text.append(token);
        previous = token;
      }
      oldOffset += sentence.length();
      sentences.add(text.substring(paragraphStart));
    }
    String rendered = text.toString();
    List<ConllDocuments.GoldEntity> gold = new ArrayList<>();
    for (ConllDocuments.GoldEntity g : d.gold()) {
      int start = -1;
      int end = -1;
      for (int[] m : moves) {
        if (m[0] == g.start()) {
          start = m[2];
        }
        if (m[1] == g.end()) {
          end = m[3];
        }
      }
      if (start < 0 || end < start) {
        throw new IllegalStateException(d.id() + ": gold entity " + g + " is not on token bounds");
      }
      gold.add(
          new ConllDocuments.GoldEntity(
              start, end, rendered.substring(start, end).replace('\n', ' '), g.type()));
    }
    return new ConllDocuments.Document(d.id(), rendered, sentences, gold);
  }
}
