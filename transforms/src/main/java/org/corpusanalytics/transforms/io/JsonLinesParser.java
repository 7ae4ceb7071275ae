package org.corpusanalytics.transforms.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/** JSON Lines: one JSON object per physical line, each line decoded and judged on its own. */
final class JsonLinesParser {
  private final FieldMap fieldMap;
  private final int maxLineBytes;
  private final ObjectReader json;

  JsonLinesParser(FieldMap fieldMap, int maxArticleChars) {
    this.fieldMap = fieldMap;
    // A body within the limit takes up to 6 bytes a character (JSON unicode escapes), plus the
    // other fields.
    this.maxLineBytes = ArticleParser.cappedArraySize(6L * maxArticleChars + (1 << 20));
    // Strings can be as long as a line; Jackson's default cap would misreport big bodies as bad JSON.
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(maxLineBytes).build())
            .build();
    this.json =
        new ObjectMapper(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader();
  }

  void parse(InputStream in, RecordEmitter out) throws IOException {
    ByteLineReader lines = new ByteLineReader(in, maxLineBytes);
    boolean sawRecord = false;
    while (lines.next()) {
      long line = lines.lineNumber();
      String where = "line " + line;
      if (lines.tooLong()) {
        sawRecord = true;
        out.recordRead(line, where);
        out.reject(
            line,
            where,
            RejectReason.ARTICLE_TOO_LARGE,
            "the line has " + lines.lineBytes() + " bytes, more than the " + maxLineBytes
                + " that an article within the limit of " + out.maxArticleChars()
                + " characters can take; skipped",
            LenientDecoder.decode(lines.bytes(), 0, lines.prefixLengthOnCharBoundary()));
        continue;
      }
      String text = LenientDecoder.decode(lines.bytes(), 0, lines.length());
      if (text.isBlank()) {
        continue;
      }
      sawRecord = true;
      out.recordRead(line, where);
      parseLine(line, where, text, out);
    }
    if (!sawRecord) {
      out.recordRead(0, null);
      out.reject(0, null, RejectReason.EMPTY_FILE, "the file has only blank lines", "");
    }
  }

  private void parseLine(long line, String where, String text, RecordEmitter out) {
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      out.reject(
          line,
          where,
          RejectReason.INVALID_JSON,
          "invalid JSON: " + RecordEmitter.shorten(String.valueOf(e.getOriginalMessage()), 300),
          text);
      return;
    }
    if (!node.isObject()) {
      out.reject(
          line,
          where,
          RejectReason.INVALID_JSON,
          "invalid JSON: expected an object, found " + kind(node),
          text);
      return;
    }
    String bodyName = firstPresent(node, FieldMap.BODY);
    JsonNode body = bodyName == null ? null : node.get(bodyName);
    if (body == null || body.isNull()) {
      out.reject(
          line,
          where,
          RejectReason.MISSING_BODY,
          bodyName == null ? "no " + missingBody() : "the '" + bodyName + "' field is null",
          text);
      return;
    }
    if (!body.isTextual()) {
      out.reject(
          line,
          where,
          RejectReason.BODY_NOT_STRING,
          "the '" + bodyName + "' field is " + kind(body) + ", expected a string",
          text);
      return;
    }
    out.accept(
        line,
        where,
        new RecordEmitter.Fields(
            scalarText(field(node, FieldMap.ID)),
            scalarText(field(node, FieldMap.TITLE)),
            body.textValue(),
            anyText(field(node, FieldMap.PUBLISHED)),
            scalarText(field(node, FieldMap.SOURCE)),
            scalarText(field(node, FieldMap.URL))),
        text);
  }

  /** The first of the field's input names that {@code node} has, or null. */
  private @Nullable String firstPresent(JsonNode node, String canonical) {
    for (String name : fieldMap.inputNames(canonical)) {
      if (node.has(name)) {
        return name;
      }
    }
    return null;
  }

  private @Nullable JsonNode field(JsonNode node, String canonical) {
    String name = firstPresent(node, canonical);
    return name == null ? null : node.get(name);
  }

  private String missingBody() {
    List<String> names = fieldMap.inputNames(FieldMap.BODY);
    return names.size() == 1
        ? "'" + names.get(0) + "' field"
        : "body field (looked for " + fieldMap.describe(FieldMap.BODY)
            + "; use --fieldMap body=<key> if the text is under another key)";
  }

  /** Strings as they are, numbers and booleans as their text ({@code 42} becomes "42"), else null. */
  private static @Nullable String scalarText(@Nullable JsonNode node) {
    if (node == null || !node.isValueNode() || node.isNull()) {
      return null;
    }
    return RecordEmitter.blankToNull(node.isTextual() ? node.textValue() : node.asText());
  }

  /** Like {@link #scalarText} but objects and arrays give their JSON, so a bad date is counted. */
  private static @Nullable String anyText(@Nullable JsonNode node) {
    if (node != null && node.isContainerNode()) {
      return node.toString();
    }
    return scalarText(node);
  }

  private static String kind(JsonNode node) {
    String type = node.getNodeType().toString().toLowerCase(Locale.ROOT);
    return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
  }
}
