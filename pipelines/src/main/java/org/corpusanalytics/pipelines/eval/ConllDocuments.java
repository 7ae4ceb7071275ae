package org.corpusanalytics.pipelines.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CoNLL-2003 file: {@code -DOCSTART-} lines separate documents, one token per line with the
 * NER tag in the last column ({@code token POS chunk NER}), a blank line between sentences. IOB1
 * and IOB2 tags are both read: an entity starts at {@code B-X}, or at {@code I-X} after a token
 * that is not of type X.
 *
 * <p>Each document becomes raw article text the way the graders build it: one sentence per line,
 * tokens joined by single spaces.
 */
public final class ConllDocuments {
  private ConllDocuments() {}

  /** A gold entity: its exact span in the document's text, surface text and type (PER, ...). */
  public record GoldEntity(int start, int end, String text, String type) {}

  /** One document as raw text, its gold entities and its sentences (as text). */
  public record Document(String id, String text, List<String> sentences, List<GoldEntity> gold) {}

  public static List<Document> read(Reader in) throws IOException {
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<Document> documents = new ArrayList<>();
    Builder doc = null;
    List<String[]> sentence = new ArrayList<>();
    String line;
    int lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.startsWith("-DOCSTART-")) {
        if (doc != null) {
          doc.addSentence(sentence);
          documents.add(doc.build());
        }
        sentence.clear();
        doc = new Builder("doc-" + (documents.size() + 1));
        continue;
      }
      if (trimmed.isEmpty()) {
        if (doc != null) {
          doc.addSentence(sentence);
        }
        sentence.clear();
        continue;
      }
      String[] columns = trimmed.split("\\s+");
      if (columns.length < 2) {
        throw new IOException("line " + lineNumber + ": expected 'token ... tag': " + line);
      }
      if (doc == null) {
        doc = new Builder("doc-1"); // a file without -DOCSTART- is one document
      }
      sentence.add(new String[] {columns[0], columns[columns.length - 1]});
    }
    if (doc != null) {
      doc.addSentence(sentence);
      if (!doc.sentences.isEmpty()) {
        documents.add(doc.build());
      }
    }
    return documents;
  }

  /** Maps a CoNLL type (PER, ORG, LOC, MISC) or a project type (PERSON, ...) to the CoNLL name. */
  public static String conllType(String type) {
    switch (type.toUpperCase(Locale.ROOT)) {
      case "PER":
      case "PERSON":
        return "PER";
      case "ORG":
      case "ORGANIZATION":
        return "ORG";
      case "LOC":
      case "LOCATION":
        return "LOC";
      case "MISC":
        return "MISC";
      default:
        throw new IllegalArgumentException("unknown entity type " + type);
    }
  }

  private static final class Builder {
    final String id;
    final StringBuilder text = new StringBuilder();
    final List<String> sentences = new ArrayList<>();
    final List<GoldEntity> gold = new ArrayList<>();

    Builder(String id) {
      this.id = id;
    }

    void addSentence(List<String[]> tokens) {
      if (tokens.isEmpty()) {
        return;
      }
      if (text.length() > 0) {
        text.append('\n');
      }
      int sentenceStart = text.length();
      String openType = null;
      int openStart = -1;
      int openEnd = -1;
      for (int i = 0; i < tokens.size(); i++) {
        if (i > 0) {
          text.append(' ');
        }
        int start = text.length();
        text.append(tokens.get(i)[0]);
        int end = text.length();
        String tag = tokens.get(i)[1];
        String type = tag.equals("O") || tag.length() < 3 ? null : tag.substring(2);
        boolean begins = type != null && (tag.startsWith("B-") || !type.equals(openType));
        if (openType != null && (type == null || begins)) {
          addGold(openStart, openEnd, openType);
          openType = null;
        }
        if (begins) {
          openType = type;
          openStart = start;
        }
        if (type != null) {
          openEnd = end;
        }
      }
      if (openType != null) {
        addGold(openStart, openEnd, openType);
      }
      sentences.add(text.substring(sentenceStart));
    }

    void addGold(int start, int end, String type) {
      gold.add(new GoldEntity(start, end, text.substring(start, end), conllType(type)));
    }

    Document build() {
      return new Document(id, text.toString(), List.copyOf(sentences), List.copyOf(gold));
    }
  }
}
