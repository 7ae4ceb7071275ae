package org.corpusanalytics.transforms.ner.crf;

import java.util.Arrays;
import java.util.List;

/**
 * Which tokens of a sentence the CRF tagger needs to see. News names are capitalized, so the tokens
 * farther than {@code context} from every capitalized token are left out of tagging and labelled as
 * background: with a context of 5, in Reuters news, that is 37% of the tokens, in lowercase
 * stretches such as "said it expects net profit to rise in the second half of the year".
 *
 * <p>Tokens within {@code context} of a capitalized one are kept, so the features the model looks
 * at for a token that might be a name (the 4-class CoNLL model's widest window is 4 words) see the
 * same words as in the whole sentence. The caller tags the kept stretches as one sequence.
 *
 * <p>A sentence whose first letter is not a capital is kept whole: it is probably text typed in
 * lowercase, where the model still finds names ("venezuela"), or in a script without capitals.
 */
final class TaggedStretches {
  private TaggedStretches() {}

  /** {@code true} for each of {@code words} the tagger should see. */
  static boolean[] of(List<String> words, int context) {
    int n = words.size();
    boolean[] kept = new boolean[n];
    if (!startsWithCapital(words)) {
      Arrays.fill(kept, true);
      return kept;
    }
    int keptUpTo = 0; // exclusive end of the last kept stretch
    for (int i = 0; i < n; i++) {
      if (isCapitalized(words.get(i))) {
        int from = Math.max(keptUpTo, i - context);
        int to = Math.min(n, i + context + 1);
        Arrays.fill(kept, from, to, true);
        keptUpTo = Math.max(keptUpTo, to);
      }
    }
    return kept;
  }

  static boolean startsWithCapital(List<String> words) {
    for (String word : words) {
      for (int i = 0; i < word.length(); ) {
        int c = word.codePointAt(i);
        if (Character.isLetter(c)) {
          return Character.isUpperCase(c) || Character.isTitleCase(c);
        }
        i += Character.charCount(c);
      }
    }
    return false;
  }

  static boolean isCapitalized(String word) {
    for (int i = 0; i < word.length(); ) {
      int c = word.codePointAt(i);
      if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }
}
