package org.corpusanalytics.transforms.ner.gazetteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corpusanalytics.transforms.ner.EntityRecognizer;
import org.corpusanalytics.transforms.ner.Mention;
import org.corpusanalytics.transforms.ner.PhraseMatcher;

/**
 * A fast recognizer that finds the names of a watchlist: every whole-word occurrence of a canonical
 * name or alias, in one pass over the sentence; where names overlap the longest wins. No model is
 * involved. The mention's type is the entry's type; its canonical name comes from {@link
 * Gazetteer#lookup}.
 */
public final class GazetteerRecognizer implements EntityRecognizer {
  private static final long serialVersionUID = 1L;
  private final Gazetteer gazetteer;

  public GazetteerRecognizer(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  @Override
  public void warmUp() {
    gazetteer.find("");
  }

  @Override
  public List<Mention> recognize(String sentence) {
    List<Mention> mentions = new ArrayList<>();
    for (Map.Entry<PhraseMatcher.Match, Gazetteer.Entry> m : gazetteer.find(sentence)) {
      PhraseMatcher.Match match = m.getKey();
      mentions.add(
          new Mention(
              match.start(),
              match.end(),
              sentence.substring(match.start(), match.end()),
              m.getValue().type()));
    }
    return mentions;
  }
}
