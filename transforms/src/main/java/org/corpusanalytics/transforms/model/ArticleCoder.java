package org.corpusanalytics.transforms.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Compact coder for {@link Article}: the fields in order, nullable ones with a presence byte. */
public final class ArticleCoder extends AtomicCoder<Article> {
  private static final ArticleCoder INSTANCE = new ArticleCoder();
  private static final Coder<String> STRING = StringUtf8Coder.of();
  private static final Coder<String> OPT_STRING = NullableCoder.of(StringUtf8Coder.of());
  private static final Coder<Long> OPT_LONG = NullableCoder.of(VarLongCoder.of());
  private static final Coder<Long> LONG = VarLongCoder.of();

  public static ArticleCoder of() {
    return INSTANCE;
  }

  /** Used by {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return org.apache.beam.sdk.coders.CoderProviders.forCoder(
        org.apache.beam.sdk.values.TypeDescriptor.of(Article.class), INSTANCE);
  }

  @Override
  public void encode(Article a, OutputStream out) throws IOException {
    STRING.encode(a.id(), out);
    OPT_STRING.encode(a.title(), out);
    STRING.encode(a.body(), out);
    OPT_LONG.encode(a.publishedMillis(), out);
    OPT_STRING.encode(a.source(), out);
    OPT_STRING.encode(a.url(), out);
    STRING.encode(a.sourceFile(), out);
    LONG.encode(a.record(), out);
  }

  @Override
  public Article decode(InputStream in) throws IOException {
    return new Article(
        STRING.decode(in),
        OPT_STRING.decode(in),
        STRING.decode(in),
        OPT_LONG.decode(in),
        OPT_STRING.decode(in),
        OPT_STRING.decode(in),
        STRING.decode(in),
        LONG.decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
