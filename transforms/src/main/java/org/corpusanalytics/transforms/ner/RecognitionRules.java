package org.corpusanalytics.transforms.ner;

import java.io.Serializable;
import javax.annotation.Nullable;
import org.corpusanalytics.transforms.ner.gazetteer.Gazetteer;

/**
 * What the recognition stage does around the tagger, per article. Immutable; the defaults are what
 * the report runs with the CRF tagger.
 */
public final class RecognitionRules implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean lineUnits;
  private final boolean labelConsistency;
  private final boolean addRepeats;
  private final boolean linkOneWordNames;
  private final boolean addUntaggedNames;
  private final boolean watchlistOnly;
  private final @Nullable Gazetteer gazetteer;
  private boolean datelines;
  private boolean knownNames;
  private boolean resultsLines;
  private boolean nameShapes;
  private boolean organizationNames;

  private RecognitionRules(
      boolean lineUnits,
      boolean labelConsistency,
      boolean addRepeats,
      boolean linkOneWordNames,
      boolean addUntaggedNames,
      boolean watchlistOnly,
      @Nullable Gazetteer gazetteer) {
    this.lineUnits = lineUnits;
    this.labelConsistency = labelConsistency;
    this.addRepeats = addRepeats;
    this.linkOneWordNames = linkOneWordNames;
    this.addUntaggedNames = addUntaggedNames;
    this.watchlistOnly = watchlistOnly;
    this.gazetteer = gazetteer;
  }

  /** The defaults for a statistical tagger: every rule on, no watchlist. */
  public static RecognitionRules defaults() {
    RecognitionRules r = new RecognitionRules(true, true, true, true, true, false, null);
    r.datelines = true;
    r.knownNames = true;
    r.resultsLines = true;
    r.nameShapes = true;
    r.organizationNames = true;
    return r;
  }

  private RecognitionRules withLayoutRules(RecognitionRules r) {
    r.datelines = datelines;
    r.knownNames = knownNames;
    r.resultsLines = resultsLines;
    r.nameShapes = nameShapes;
    r.organizationNames = organizationNames;
    return r;
  }

  private RecognitionRules copy() {
    return withLayoutRules(
        new RecognitionRules(
            lineUnits, labelConsistency, addRepeats, linkOneWordNames, addUntaggedNames,
            watchlistOnly, gazetteer));
  }

  /** See {@link ResultsLines#datelines}: a dateline's place (and region) are locations. */
  public RecognitionRules withDatelines(boolean on) {
    RecognitionRules r = copy();
    r.datelines = on;
    return r;
  }

  /** See {@link KnownNames}: countries, regions and peoples' words from general knowledge. */
  public RecognitionRules withKnownNames(boolean on) {
    RecognitionRules r = copy();
    r.knownNames = on;
    return r;
  }

  /** See {@link ResultsLines#results}: teams in score lines and standings rows. */
  public RecognitionRules withResultsLines(boolean on) {
    RecognitionRules r = copy();
    r.resultsLines = on;
    return r;
  }

  /** See {@link NameShapes}: leading prepositions and dates cut off; company designators. */
  public RecognitionRules withNameShapes(boolean on) {
    RecognitionRules r = copy();
    r.nameShapes = on;
    return r;
  }

  /** See {@link OrganizationNames}: head words, their of-phrases and bracketed abbreviations. */
  public RecognitionRules withOrganizationNames(boolean on) {
    RecognitionRules r = copy();
    r.organizationNames = on;
    return r;
  }

  public boolean organizationNames() {
    return organizationNames;
  }

  public boolean nameShapes() {
    return nameShapes;
  }

  public boolean datelines() {
    return datelines;
  }

  public boolean knownNames() {
    return knownNames;
  }

  public boolean resultsLines() {
    return resultsLines;
  }

  /**
   * For the watchlist recognizer: its matches are taken as they are (no label consistency, no alias
   * rules) and each is named by its watchlist entry.
   */
  public static RecognitionRules watchlist(Gazetteer gazetteer) {
    return new RecognitionRules(true, false, false, false, false, true, gazetteer);
  }

  /**
   * In an article laid out one sentence per line (single line breaks followed by a capital, digit or
   * punctuation, as in wire copy and CoNLL-style text) the tagger sees each line on its own.
   */
  public RecognitionRules withLineUnits(boolean on) {
    return withLayoutRules(
        new RecognitionRules(
        on, labelConsistency, addRepeats, linkOneWordNames, addUntaggedNames, watchlistOnly,
        gazetteer));
  }

  /** See {@link LabelConsistency}. */
  public RecognitionRules withLabelConsistency(boolean on) {
    return withLayoutRules(
        new RecognitionRules(
        lineUnits, on, addRepeats, linkOneWordNames, addUntaggedNames, watchlistOnly, gazetteer));
  }

  /**
   * Whether label consistency also adds the untagged occurrences of a tagged string (on by
   * default; off only to measure that part).
   */
  public RecognitionRules withTaggedRepeats(boolean on) {
    return withLayoutRules(
        new RecognitionRules(
        lineUnits, labelConsistency, on, linkOneWordNames, addUntaggedNames, watchlistOnly,
        gazetteer));
  }

  /** See {@link AliasResolver}. */
  public RecognitionRules withAliasRules(boolean linkOneWord, boolean addUntagged) {
    return withLayoutRules(
        new RecognitionRules(
        lineUnits, labelConsistency, addRepeats, linkOneWord, addUntagged, watchlistOnly,
        gazetteer));
  }

  /**
   * Recognized mentions whose name (after alias resolution) or text is a name of a watchlist entry
   * of the same type take that entry's canonical name.
   */
  public RecognitionRules withGazetteer(@Nullable Gazetteer newGazetteer) {
    return withLayoutRules(
        new RecognitionRules(
        lineUnits, labelConsistency, addRepeats, linkOneWordNames, addUntaggedNames, watchlistOnly,
        newGazetteer));
  }

  public boolean lineUnits() {
    return lineUnits;
  }

  public boolean labelConsistency() {
    return labelConsistency;
  }

  public boolean taggedRepeats() {
    return addRepeats;
  }

  public boolean linkOneWordNames() {
    return linkOneWordNames;
  }

  public boolean addUntaggedNames() {
    return addUntaggedNames;
  }

  public boolean watchlistOnly() {
    return watchlistOnly;
  }

  public @Nullable Gazetteer gazetteer() {
    return gazetteer;
  }
}
