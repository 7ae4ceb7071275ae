package org.corpusanalytics.transforms.ner;

import java.io.Serializable;
import java.util.List;

/**
 * Finds entity mentions in one sentence. Implementations are serializable configuration; any heavy
 * model behind them is loaded lazily, once per JVM, and shared by all threads.
 *
 * <p>This interface is the boundary to GPL-licensed taggers such as Stanford CoreNLP: only the
 * implementation in {@code ner.crf} touches them.
 */
public interface EntityRecognizer extends Serializable {
  /** Mentions with offsets into {@code sentence}, in order of position. Must be thread-safe. */
  List<Mention> recognize(String sentence);

  /** Loads any model now, so that the first article does not pay for it. */
  default void warmUp() {}
}
