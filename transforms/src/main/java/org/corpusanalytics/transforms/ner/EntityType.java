package org.corpusanalytics.transforms.ner;

import javax.annotation.Nullable;

/** The four CoNLL-2003 entity types. */
public enum EntityType {
  PERSON,
  ORGANIZATION,
  LOCATION,
  MISC;

  /** Maps a tagger label (PERSON, PER, B-PER, I-ORG, ...) to a type; null for "O" and unknown labels. */
  public static @Nullable EntityType fromLabel(@Nullable String label) {
    if (label == null) {
      return null;
    }
    String l = label.startsWith("B-") || label.startsWith("I-") ? label.substring(2) : label;
    switch (l) {
      case "PERSON":
      case "PER":
        return PERSON;
      case "ORGANIZATION":
      case "ORG":
        return ORGANIZATION;
      case "LOCATION":
      case "LOC":
        return LOCATION;
      case "MISC":
        return MISC;
      default:
        return null;
    }
  }
}
