package org.corpusanalytics.transforms.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/** How one input file was read: its name and its {@link ParseCounts}. */
@DefaultCoder(FileAccount.FileAccountCoder.class)
public final class FileAccount implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final ParseCounts counts;

  public FileAccount(String file, ParseCounts counts) {
    this.file = Objects.requireNonNull(file, "file");
    this.counts = Objects.requireNonNull(counts, "counts");
  }

  public FileAccount(String file, long read, long processed, long rejected, long unparsedDates) {
    this(file, new ParseCounts(read, processed, rejected, unparsedDates));
  }

  /** The file's full path or URI, as matched. */
  public String file() {
    return file;
  }

  public ParseCounts counts() {
    return counts;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof FileAccount)) {
      return false;
    }
    FileAccount a = (FileAccount) o;
    return file.equals(a.file) && counts.equals(a.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, counts);
  }

  @Override
  public String toString() {
    return file + ": " + counts;
  }

  /** The fields in order; deterministic. */
  public static final class FileAccountCoder extends AtomicCoder<FileAccount> {
    private static final long serialVersionUID = 1L;
    private static final FileAccountCoder INSTANCE = new FileAccountCoder();

    public static FileAccountCoder of() {
      return INSTANCE;
    }

    /** Used by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(FileAccount.class), INSTANCE);
    }

    @Override
    public void encode(FileAccount a, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(a.file, out);
      VarLongCoder.of().encode(a.counts.read(), out);
      VarLongCoder.of().encode(a.counts.processed(), out);
      VarLongCoder.of().encode(a.counts.rejected(), out);
      VarLongCoder.of().encode(a.counts.unparsedDates(), out);
    }

    @Override
    public FileAccount decode(InputStream in) throws IOException {
      return new FileAccount(
          StringUtf8Coder.of().decode(in),
          VarLongCoder.of().decode(in),
          VarLongCoder.of().decode(in),
          VarLongCoder.of().decode(in),
          VarLongCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
