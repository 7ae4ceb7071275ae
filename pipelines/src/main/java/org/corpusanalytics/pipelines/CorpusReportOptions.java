package org.corpusanalytics.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;
import org.corpusanalytics.transforms.dedup.RemoveRepeatedSegments;

/** Options of the corpus report. {@code --help} prints them with their defaults. */
public interface CorpusReportOptions extends PipelineOptions, ScheduledReportOptions {
  @Description(
      "Input file globs, comma-separated. Compressed files (.gz, .bz2, .zst) are read transparently.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description(
      "Input format: text (one article per file), jsonl or csv. Empty: detected from each file's"
          + " extension (.jsonl/.ndjson/.json, .csv, anything else is text).")
  @Default.String("")
  String getInputFormat();

  void setInputFormat(String value);

  @Description(
      "Input field names for jsonl and csv, as canonical=input pairs, e.g. body=content,published=date."
          + " Canonical fields: id, title, body, published, source, url. An unmapped field is"
          + " found under its usual names, e.g. body, then text, content, article.")
  @Default.String("")
  String getFieldMap();

  void setFieldMap(String value);

  @Description(
      "Extra java.time pattern for the published field, tried before ISO-8601, e.g. d-MMM-yyyy"
          + " HH:mm:ss.SS for 26-FEB-1987 15:01:01.79.")
  @Default.String("")
  String getDateFormat();

  void setDateFormat(String value);

  @Description(
      "Output directory (local); each run writes its tables to OUTPUT/run_date=YYYY-MM-DD/<table>/.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Output format: parquet or csv.")
  @Default.String("parquet")
  String getOutputFormat();

  void setOutputFormat(String value);

  @Description("Files per output table; 0 lets the runner decide.")
  @Default.Integer(1)
  int getNumShards();

  void setNumShards(int value);

  @Description(
      "Repeated text removal: corpus (inside articles and across the corpus), article (inside"
          + " articles only) or none.")
  @Default.String("corpus")
  String getDedup();

  void setDedup(String value);

  @Description(
      "Sentences shorter than this many characters are not removed as repeats on their own: only"
          + " inside a longer repeated stretch, or as a sign-off (--minSignOffArticles).")
  @Default.Integer(RemoveRepeatedSegments.DEFAULT_MIN_SEGMENT_CHARS)
  int getMinSegmentChars();

  void setMinSegmentChars(int value);

  @Description(
      "A sentence shorter than --minSegmentChars that is the last sentence of at least this many"
          + " articles is a sign-off (\"Reuter\"), removed from every article but the first like a"
          + " longer repeat. 0 turns it off. Corpus dedup only.")
  @Default.Long(RemoveRepeatedSegments.DEFAULT_MIN_SIGN_OFF_ARTICLES)
  long getMinSignOffArticles();

  void setMinSignOffArticles(long value);

  @Description(
      "Near-duplicate articles: Jaccard similarity of word 5-gram shingles at or above which a later"
          + " article (in canonical order) is marked duplicate_of the earliest of its cluster and left"
          + " out of entity and co-mention counts. In (0, 1]; 0 turns it off. Corpus dedup only.")
  @Default.Double(0.8)
  double getNearDuplicateThreshold();

  void setNearDuplicateThreshold(double value);

  @Description("Also write the mentions table: every mention with its offsets, text and entity.")
  @Default.Boolean(false)
  boolean getEmitMentions();

  void setEmitMentions(boolean value);

  @Description(
      "At most this many distinct entities per article (the most mentioned) enter pair counting.")
  @Default.Integer(100)
  int getMaxEntitiesPerArticle();

  void setMaxEntitiesPerArticle(int value);

  @Description("Articles longer than this many characters are rejected as article_too_large.")
  @Default.Integer(5_000_000)
  int getMaxArticleChars();

  void setMaxArticleChars(int value);

  @Description(
      "Sentences longer than this many characters are cut before tagging; the tagger's cost grows"
          + " badly with sentence length.")
  @Default.Integer(1000)
  int getMaxSentenceChars();

  void setMaxSentenceChars(int value);

  @Description(
      "Largest share of input records that may be rejected (see the errors table), and of input"
          + " files not read to their end, from 0 to 1."
          + " A run that rejects more fails with exit code 3, naming the worst reasons and files,"
          + " and publishes nothing: a previous output stays as it was.")
  @Default.Double(0.01)
  double getMaxErrorRate();

  void setMaxErrorRate(double value);

  @Description(
      "Entity recognizer: crf (Stanford CoreNLP's CoNLL 4-class CRF) or gazetteer (only the names"
          + " of the --gazetteer watchlist, matched as whole words, longest first; no model).")
  @Default.String("crf")
  String getRecognizer();

  void setRecognizer(String value);

  @Description(
      "With --recognizer=crf: the tokens of context the tagger sees on each side of a capitalized"
          + " word. Lowercase stretches farther than this from any capitalized word are not tagged"
          + " (their words are not names), which saves a third of the tagging on news; a sentence"
          + " whose first letter is not a capital is tagged whole. 0 tags every sentence whole.")
  @Default.Integer(5)
  int getCrfContextTokens();

  void setCrfContextTokens(int value);

  @Description(
      "Watchlist CSV with the columns canonical,type,aliases (aliases separated by |). With"
          + " --recognizer=gazetteer its names are what is recognized; with crf, recognized mentions"
          + " whose name is a watchlist name of the same type take the entry's canonical name.")
  @Default.String("")
  String getGazetteer();

  void setGazetteer(String value);

  @Description(
      "Document-level label consistency: a string the tagger tagged gets the type of most of its"
          + " occurrences in the article everywhere in it, including where it was left untagged.")
  @Default.Boolean(true)
  boolean getLabelConsistency();

  void setLabelConsistency(boolean value);

  @Description(
      "General world knowledge: country and region names are locations, nationality and people"
          + " words (German, Iraqis) are MISC, where the tagger missed them or gave a conflicting"
          + " type.")
  @Default.Boolean(true)
  boolean getKnownNames();

  void setKnownNames(boolean value);

  @Description(
      "Layout rules: a dateline's place is a location; the teams of score lines, standings rows"
          + " and results rows are organizations (countries stay locations).")
  @Default.Boolean(true)
  boolean getResultsLines();

  void setResultsLines(boolean value);

  @Description(
      "A one-word person name standing alone in an article takes the full name that at least this"
          + " share of the articles using it with a longer name use (if exactly one does). Above 1"
          + " turns this off.")
  @Default.Double(0.9)
  double getCanonicalNameShare();

  void setCanonicalNameShare(double value);
}
