package org.corpusanalytics.transforms.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Compact coder for {@link AnnotatedArticle}: the fields in order, nullable ones with a presence
 * byte, then the mentions. Every counting step reads annotated articles, so their coder is on the
 * hot path of every shuffle after recognition (the reflection-based Avro coder it replaces cost
 * several times more per article).
 */
public final class AnnotatedArticleCoder extends AtomicCoder<AnnotatedArticle> {
  private static final AnnotatedArticleCoder INSTANCE = new AnnotatedArticleCoder();
  private static final Coder<String> STRING = StringUtf8Coder.of();
  private static final Coder<String> OPT_STRING = NullableCoder.of(StringUtf8Coder.of());
  private static final Coder<Long> OPT_LONG = NullableCoder.of(VarLongCoder.of());
  private static final Coder<Long> LONG = VarLongCoder.of();
  private static final Coder<Integer> INT = VarIntCoder.of();
  private static final EntityType[] TYPES = EntityType.values();

  public static AnnotatedArticleCoder of() {
    return INSTANCE;
  }

  /** Used by {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(AnnotatedArticle.class), INSTANCE);
  }

  @Override
  public void encode(AnnotatedArticle a, OutputStream out) throws IOException {
    STRING.encode(a.id(), out);
    OPT_STRING.encode(a.title(), out);
    OPT_LONG.encode(a.publishedMillis(), out);
    OPT_STRING.encode(a.source(), out);
    LONG.encode(a.chars(), out);
    LONG.encode(a.charsRemoved(), out);
    OPT_STRING.encode(a.duplicateOf(), out);
    INT.encode(a.sentences(), out);
    INT.encode(a.sentencesCut(), out);
    INT.encode(a.sentencesFailed(), out);
    List<ResolvedMention> mentions = a.mentions();
    INT.encode(mentions.size(), out);
    for (ResolvedMention m : mentions) {
      INT.encode(m.sentence(), out);
      INT.encode(m.start(), out);
      INT.encode(m.end() - m.start(), out);
      INT.encode(m.type().ordinal(), out);
      STRING.encode(m.text(), out);
      // Most mentions are named by their own text: one flag byte instead of the string again.
      boolean sameName = m.entity().equals(m.text());
      out.write(sameName ? 1 : 0);
      if (!sameName) {
        STRING.encode(m.entity(), out);
      }
    }
  }

  @Override
  public AnnotatedArticle decode(InputStream in) throws IOException {
    String id = STRING.decode(in);
    String title = OPT_STRING.decode(in);
    Long published = OPT_LONG.decode(in);
    String source = OPT_STRING.decode(in);
    long chars = LONG.decode(in);
    long charsRemoved = LONG.decode(in);
    String duplicateOf = OPT_STRING.decode(in);
    int sentences = INT.decode(in);
    int sentencesCut = INT.decode(in);
    int sentencesFailed = INT.decode(in);
    int n = INT.decode(in);
    List<ResolvedMention> mentions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int sentence = INT.decode(in);
      int start = INT.decode(in);
      int length = INT.decode(in);
      EntityType type = TYPES[INT.decode(in)];
      String text = STRING.decode(in);
      int sameName = in.read();
      if (sameName < 0) {
        throw new IOException("annotated article " + id + " ends inside a mention");
      }
      String entity = sameName == 1 ? text : STRING.decode(in);
      mentions.add(new ResolvedMention(sentence, start, start + length, text, type, entity));
    }
    return new AnnotatedArticle(
        id,
        title,
        published,
        source,
        chars,
        charsRemoved,
        duplicateOf,
        sentences,
        mentions,
        sentencesCut,
        sentencesFailed);
  }

  @Override
  public void verifyDeterministic() {}
}
