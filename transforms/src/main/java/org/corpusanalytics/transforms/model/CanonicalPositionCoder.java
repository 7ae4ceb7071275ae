package org.corpusanalytics.transforms.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Deterministic coder for {@link CanonicalPosition}. */
public final class CanonicalPositionCoder extends AtomicCoder<CanonicalPosition> {
  private static final CanonicalPositionCoder INSTANCE = new CanonicalPositionCoder();
  private static final NullableCoder<Long> PUBLISHED = NullableCoder.of(VarLongCoder.of());

  public static CanonicalPositionCoder of() {
    return INSTANCE;
  }

  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(CanonicalPosition.class), INSTANCE);
  }

  @Override
  public void encode(CanonicalPosition p, OutputStream out) throws IOException {
    PUBLISHED.encode(p.publishedMillis(), out);
    StringUtf8Coder.of().encode(p.articleId(), out);
    VarIntCoder.of().encode(p.offset(), out);
  }

  @Override
  public CanonicalPosition decode(InputStream in) throws IOException {
    return new CanonicalPosition(
        PUBLISHED.decode(in), StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
