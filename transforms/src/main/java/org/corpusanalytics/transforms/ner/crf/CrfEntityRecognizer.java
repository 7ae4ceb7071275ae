package org.corpusanalytics.transforms.ner.crf;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;
import org.corpusanalytics.transforms.ner.EntityRecognizer;
import org.corpusanalytics.transforms.ner.EntityType;
import org.corpusanalytics.transforms.ner.Mention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stanford CoreNLP's CRF tagger with the CoNLL 4-class distsim model (GPL-3.0-or-later; see the README).
 */
public final class CrfEntityRecognizer implements EntityRecognizer {
  public static final String DEFAULT_MODEL =
      "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

  /**
   * Hyphenated words stay whole ("Kim Jong-un", "Anglo-French") as in the CoNLL training data; the
   * default tokenizer splits them and the model then misses names.
   */
  static final String TOKENIZER_OPTIONS = "invertible=true,splitHyphenated=false";

  /** CoreNLP's own tokenizer settings (plus offsets): the baseline the evaluation compares with. */
  public static final String CORENLP_DEFAULT_TOKENIZER_OPTIONS = "invertible=true";

  /**
   * Tokens of context the tagger keeps on each side of a capitalized token by default. The model's
   * disjunctive features look 4 words away; with 4, F1 on the CoNLL development set was 0.0001 to
   * 0.0002 lower than with whole sentences, with 5 it is the same.
   */
  public static final int DEFAULT_CONTEXT_TOKENS = 5;

  /** {@link #withContextTokens} value that tags every sentence whole, as CoreNLP does. */
  public static final int WHOLE_SENTENCES = 0;

  private final String modelPath;
  private final String tokenizerOptions;
  private final int contextTokens;

  public CrfEntityRecognizer() {
    this(DEFAULT_MODEL, TOKENIZER_OPTIONS);
  }

  public CrfEntityRecognizer(String modelPath) {
    this(modelPath, TOKENIZER_OPTIONS);
  }

  /**
   * A recognizer whose CoreNLP tokenizer takes {@code tokenizerOptions}; given a whole body, CoreNLP
   * also splits it into sentences itself.
   */
  public CrfEntityRecognizer(String modelPath, String tokenizerOptions) {
    this(modelPath, tokenizerOptions, DEFAULT_CONTEXT_TOKENS);
  }

  private CrfEntityRecognizer(String modelPath, String tokenizerOptions, int contextTokens) {
    if (contextTokens < 0) {
      throw new IllegalArgumentException("context tokens must be 0 or more, got " + contextTokens);
    }
    this.modelPath = modelPath;
    this.tokenizerOptions = tokenizerOptions;
    this.contextTokens = contextTokens;
  }

  /**
   * The same recognizer, tagging only the tokens within {@code contextTokens} of a capitalized
   * token (see {@link TaggedStretches}); {@link #WHOLE_SENTENCES} tags every token, as CoreNLP's
   * own {@code classify} does.
   */
  public CrfEntityRecognizer withContextTokens(int contextTokens) {
    return new CrfEntityRecognizer(modelPath, tokenizerOptions, contextTokens);
  }

  @Override
  public void warmUp() {
    SharedModels.get(modelPath, tokenizerOptions);
  }

  @Override
  public List<Mention> recognize(String sentence) {
    List<Mention> mentions = new ArrayList<>();
    if (sentence.isBlank()) {
      return mentions;
    }
    CRFClassifier<CoreLabel> crf = SharedModels.get(modelPath, tokenizerOptions);
    // What crf.classify(String) does, with the tagging of each CoreNLP sentence narrowed.
    for (List<CoreLabel> tokens :
        crf.makeObjectBankFromString(sentence, crf.plainTextReaderAndWriter())) {
      classify(crf, tokens);
      collectSpans(sentence, tokens, mentions);
    }
    return mentions;
  }

  /**
   * Tags the tokens that can be part of a name, with their context, as one sequence (so the
   * model's features that look at other occurrences of a word in the sentence still see them);
   * the rest are labelled as background without being tagged.
   */
  private void classify(CRFClassifier<CoreLabel> crf, List<CoreLabel> tokens) {
    if (contextTokens == WHOLE_SENTENCES) {
      crf.classify(tokens);
      return;
    }
    List<String> words = new ArrayList<>(tokens.size());
    for (CoreLabel token : tokens) {
      words.add(token.word());
    }
    boolean[] tagged = TaggedStretches.of(words, contextTokens);
    List<CoreLabel> kept = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      if (tagged[i]) {
        kept.add(tokens.get(i));
      } else {
        tokens.get(i).set(CoreAnnotations.AnswerAnnotation.class, crf.flags.backgroundSymbol);
      }
    }
    if (!kept.isEmpty()) {
      crf.classify(kept);
    }
  }

  /**
   * How many tokens the tagger's tokenizer makes of {@code sentence}; for throughput figures
   * (tokens per second), without tagging.
   */
  public static int countTokens(String sentence) {
    if (sentence.isBlank()) {
      return 0;
    }
    return PTBTokenizer.factory(new CoreLabelTokenFactory(), TOKENIZER_OPTIONS)
        .getTokenizer(new StringReader(sentence))
        .tokenize()
        .size();
  }

  /** Joins runs of tokens with the same label; the 4-class model uses IO encoding. */
  private static void collectSpans(String sentence, List<CoreLabel> tokens, List<Mention> out) {
    EntityType current = null;
    int start = -1;
    int end = -1;
    for (CoreLabel token : tokens) {
      EntityType type = EntityType.fromLabel(token.get(CoreAnnotations.AnswerAnnotation.class));
      if (type != current) {
        add(sentence, current, start, end, out);
        current = type;
        start = token.beginPosition();
      }
      end = token.endPosition();
    }
    add(sentence, current, start, end, out);
  }

  private static void add(
      String sentence, @Nullable EntityType type, int start, int end, List<Mention> out) {
    if (type != null && start >= 0 && end > start && end <= sentence.length()) {
      out.add(new Mention(start, end, sentence.substring(start, end), type));
    }
  }

  /**
   * One model per JVM and tokenizer setting: it is large (about 20 MB compressed) and its
   * classify() is thread-safe. The tokenizer options live in the model's flags, hence one instance
   * per setting (the report only ever uses one).
   */
  private static final class SharedModels {
    private static final Logger LOG = LoggerFactory.getLogger(CrfEntityRecognizer.class);
    private static final ConcurrentHashMap<String, CRFClassifier<CoreLabel>> MODELS =
        new ConcurrentHashMap<>();

    static CRFClassifier<CoreLabel> get(String path, String tokenizerOptions) {
      return MODELS.computeIfAbsent(
          path + '\u0000' + tokenizerOptions,
          k -> {
            if (HugeMethodCompilation.skippedByDefault()) {
              // A cluster's TaskManagers take JVM options from their own configuration only.
              LOG.warn(
                  "CoreNLP's feature extractor will run in the interpreter, the tagger 1.3-1.9x"
                      + " slower: start this JVM with {} (on Flink, in env.java.opts.taskmanager)",
                  HugeMethodCompilation.ENABLING_OPTION);
            }
            CRFClassifier<CoreLabel> loaded = CRFClassifier.getClassifierNoExceptions(path);
            loaded.flags.tokenizerOptions = tokenizerOptions;
            return loaded;
          });
    }
  }
}
