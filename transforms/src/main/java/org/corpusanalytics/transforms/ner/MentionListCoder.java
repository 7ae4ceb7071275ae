package org.corpusanalytics.transforms.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** A compact coder for the tagger's mentions of one piece of text. */
public final class MentionListCoder extends AtomicCoder<List<Mention>> {
  private static final MentionListCoder INSTANCE = new MentionListCoder();
  private static final VarIntCoder INT = VarIntCoder.of();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final EntityType[] TYPES = EntityType.values();

  public static MentionListCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(List<Mention> mentions, OutputStream out) throws IOException {
    INT.encode(mentions.size(), out);
    for (Mention m : mentions) {
      INT.encode(m.start(), out);
      INT.encode(m.end() - m.start(), out);
      INT.encode(m.type().ordinal(), out);
      STRING.encode(m.text(), out);
    }
  }

  @Override
  public List<Mention> decode(InputStream in) throws IOException {
    int n = INT.decode(in);
    List<Mention> mentions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int start = INT.decode(in);
      int length = INT.decode(in);
      EntityType type = TYPES[INT.decode(in)];
      mentions.add(new Mention(start, start + length, STRING.decode(in), type));
    }
    return mentions;
  }

  @Override
  public void verifyDeterministic() {}
}
