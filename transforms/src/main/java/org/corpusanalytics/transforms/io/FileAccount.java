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

/**
 * How one input file was read: records read, turned into articles, rejected ({@code read ==
 * processed + rejected}), and articles kept undated because their date could not be parsed.
 */
@DefaultCoder(FileAccount.FileAccountCoder.class)
public final class FileAccount implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long read;
  private final long processed;
  private final long rejected;
  private final long unparsedDates;

  public FileAccount(String file, long read, long processed, long rejected, long unparsedDates) {
    this.file = Objects.requireNonNull(file, "file");
    this.read = read;
    this.processed = processed;
    this.rejected = rejected;
    this.unparsedDates = unparsedDates;
  }

  public static FileAccount of(String file, ParseCounts counts) {
    return new FileAccount(
        file, counts.read(), counts.processed(), counts.rejected(), counts.unparsedDates());
  }

  /** The file's full path or URI, as matched. */
  public String file() {
    return file;
  }

  public long read() {
    return read;
  }

  public long processed() {
    return processed;
  }

  public long rejected() {
    return rejected;
  }

  public long unparsedDates() {
    return unparsedDates;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof FileAccount)) {
      return false;
    }
    FileAccount a = (FileAccount) o;
    return file.equals(a.file)
        && read == a.read
        && processed == a.processed
        && rejected == a.rejected
        && unparsedDates == a.unparsedDates;
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, read, processed, rejected, unparsedDates);
  }

  @Override
  public String toString() {
    return file + ": read=" + read + " processed=" + processed + " rejected=" + rejected
        + " unparsedDates=" + unparsedDates;
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
      VarLongCoder.of().encode(a.read, out);
      VarLongCoder.of().encode(a.processed, out);
      VarLongCoder.of().encode(a.rejected, out);
      VarLongCoder.of().encode(a.unparsedDates, out);
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
