package org.corpusanalytics.transforms.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.Locale;
import javax.annotation.Nullable;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.RejectedRecord;

/**
 * Reads one matched file with {@link ArticleParser}: articles to the main output, rejections and the
 * file's account to side outputs. Never throws for a file, so one bad file cannot fail the job.
 */
final class ParseFileFn extends DoFn<FileIO.ReadableFile, Article> {
  private static final long serialVersionUID = 1L;

  static final TupleTag<Article> ARTICLES = new TupleTag<>("articles");
  static final TupleTag<RejectedRecord> ERRORS = new TupleTag<>("errors");
  static final TupleTag<FileAccount> ACCOUNTS = new TupleTag<>("fileAccounts");

  private final @Nullable InputFormat format;
  private final FieldMap fieldMap;
  private final DateParser dateParser;
  private final int maxArticleChars;
  private final String idRoot;

  private final Counter articles = Metrics.counter("read", "articles");
  private final Counter rejected = Metrics.counter("read", "rejected");
  private final Counter unparsedDates = Metrics.counter("read", "unparsed_dates");

  private transient @Nullable ArticleParser parser;

  /** @param idRoot the folder automatic ids name files below ({@link FileIds#root}) */
  ParseFileFn(
      @Nullable InputFormat format,
      FieldMap fieldMap,
      DateParser dateParser,
      int maxArticleChars,
      String idRoot) {
    this.idRoot = idRoot;
    this.format = format;
    this.fieldMap = fieldMap;
    this.dateParser = dateParser;
    this.maxArticleChars = maxArticleChars;
  }

  @Setup
  public void setup() {
    parser = new ArticleParser(format, fieldMap, dateParser, maxArticleChars);
  }

  @ProcessElement
  public void processElement(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    String sourceFile = file.getMetadata().resourceId().toString();
    CountingSink sink = new CountingSink(out);
    ParseCounts counts = null;
    try (InputStream in = open(file)) {
      counts = parser.parse(sourceFile, FileIds.relativeName(sourceFile, idRoot), in, sink);
    } catch (Exception e) {
      // Opening or closing failed (the parser itself reports its failures): still account for it.
      String when = counts == null ? ", file skipped: " : " when closing the file: ";
      sink.rejected(
          new RejectedRecord(
              sourceFile,
              0,
              RejectReason.READ_ERROR,
              InputFormat.fileNameOf(sourceFile) + ": read error" + when + RecordEmitter.describe(e),
              ""));
      counts = sink.counts(counts == null ? 0 : counts.unparsedDates());
    }
    articles.inc(counts.processed());
    rejected.inc(counts.rejected());
    unparsedDates.inc(counts.unparsedDates());
    out.get(ACCOUNTS).output(new FileAccount(sourceFile, counts));
  }

  /**
   * The decompressed content. Beam picks the codec from the extension (an empty file is empty
   * whatever its extension); {@code .gzip}, which it does not know, is handled here because
   * {@link InputFormat#detect} accepts it.
   */
  private static InputStream open(FileIO.ReadableFile file) throws IOException {
    if (file.getMetadata().sizeBytes() == 0) {
      return InputStream.nullInputStream(); // an empty file, not a broken .bz2 or .zip
    }
    ResourceId id = file.getMetadata().resourceId();
    String name = id.getFilename() == null ? "" : id.getFilename().toLowerCase(Locale.ROOT);
    ReadableByteChannel channel =
        file.getCompression() == Compression.UNCOMPRESSED && name.endsWith(".gzip")
            ? Compression.GZIP.readDecompressed(FileSystems.open(id))
            : file.open();
    return Channels.newInputStream(channel);
  }

  /** Sends results on and counts them, so a failure outside the parser still gets an account. */
  private static final class CountingSink implements ArticleParser.Sink {
    private final MultiOutputReceiver out;
    private long articles;
    private long rejections;

    CountingSink(MultiOutputReceiver out) {
      this.out = out;
    }

    @Override
    public void article(Article article) {
      articles++;
      out.get(ARTICLES).output(article);
    }

    @Override
    public void rejected(RejectedRecord record) {
      rejections++;
      out.get(ERRORS).output(record);
    }

    ParseCounts counts(long unparsedDates) {
      return new ParseCounts(articles + rejections, articles, rejections, unparsedDates);
    }
  }
}
