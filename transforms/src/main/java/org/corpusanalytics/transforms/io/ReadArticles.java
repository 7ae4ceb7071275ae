package org.corpusanalytics.transforms.io;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.ArticleCoder;
import org.corpusanalytics.transforms.model.RejectedRecord;

/**
 * Reads articles from files matching glob patterns (local paths or any Beam file system URI), in
 * text, JSON Lines or CSV, gzip/bzip2/zstd-compressed or not. Bad records and unreadable files do not
 * fail the pipeline: they come out as {@link Result#errors()}, and {@link Result#fileAccounts()} says
 * per file how many records were read, kept and rejected.
 *
 * <pre>{@code
 * ReadArticles.Result read = p.apply(ReadArticles.from(List.of("gs://bucket/news/*.jsonl.gz"))
 *     .withFieldMap(FieldMap.parse("body=content")));
 * }</pre>
 *
 * <p>A glob without wildcards must match a file; a wildcard may match nothing. A file matched by
 * several globs is read once.
 */
public final class ReadArticles extends PTransform<PBegin, ReadArticles.Result> {
  private static final long serialVersionUID = 1L;

  private final List<String> globs;
  private final @Nullable InputFormat format;
  private final FieldMap fieldMap;
  private final DateParser dateParser;
  private final int maxArticleChars;
  private final boolean spread;

  private ReadArticles(
      List<String> globs,
      @Nullable InputFormat format,
      FieldMap fieldMap,
      DateParser dateParser,
      int maxArticleChars,
      boolean spread) {
    this.globs = globs;
    this.format = format;
    this.fieldMap = fieldMap;
    this.dateParser = dateParser;
    this.maxArticleChars = maxArticleChars;
    this.spread = spread;
  }

  /** Reads every file matching any of {@code globs}; format detected per file by default. */
  public static ReadArticles from(List<String> globs) {
    if (globs == null || globs.isEmpty()) {
      throw new IllegalArgumentException("ReadArticles needs at least one input path or glob");
    }
    return new ReadArticles(
        List.copyOf(globs),
        null,
        FieldMap.identity(),
        DateParser.isoOnly(),
        ArticleParser.DEFAULT_MAX_ARTICLE_CHARS,
        true);
  }

  /** Reads every file in this format; null detects it from each file's extension. */
  public ReadArticles withFormat(@Nullable InputFormat format) {
    return new ReadArticles(globs, format, fieldMap, dateParser, maxArticleChars, spread);
  }

  public ReadArticles withFieldMap(FieldMap fieldMap) {
    return new ReadArticles(
        globs,
        format,
        Objects.requireNonNull(fieldMap, "fieldMap"),
        dateParser,
        maxArticleChars,
        spread);
  }

  /**
   * A {@link java.time.format.DateTimeFormatter} pattern tried before ISO-8601 on {@code published};
   * null for ISO-8601 only.
   *
   * @throws IllegalArgumentException if the pattern is invalid
   */
  public ReadArticles withDateFormat(@Nullable String pattern) {
    return new ReadArticles(
        globs, format, fieldMap, new DateParser(pattern), maxArticleChars, spread);
  }

  /** Bodies longer than this many characters are rejected as {@code article_too_large}. */
  public ReadArticles withMaxArticleChars(int maxArticleChars) {
    if (maxArticleChars <= 0) {
      throw new IllegalArgumentException("maxArticleChars must be positive, got " + maxArticleChars);
    }
    return new ReadArticles(globs, format, fieldMap, dateParser, maxArticleChars, spread);
  }

  /**
   * Leaves each file's articles on the worker that read it, without the shuffle that spreads them
   * by default: for a caller whose next step groups the articles anyway (as {@code
   * DropDuplicateIds} does by id), where that shuffle would move the whole corpus once more.
   */
  public ReadArticles withoutSpreading() {
    return new ReadArticles(globs, format, fieldMap, dateParser, maxArticleChars, false);
  }

  @Override
  public Result expand(PBegin input) {
    PCollectionTuple parsed =
        input
            .apply("Globs", Create.of(globs).withCoder(StringUtf8Coder.of()))
            .apply(
                "MatchFiles",
                FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW_IF_WILDCARD))
            // Overlapping globs match a file more than once; it is read once.
            .apply(
                "OneMatchPerFile",
                Distinct.withRepresentativeValueFn((MatchResult.Metadata m) -> m.resourceId().toString())
                    .withRepresentativeType(TypeDescriptors.strings()))
            .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.AUTO))
            .apply(
                "ParseFiles",
                ParDo.of(
                        new ParseFileFn(
                            format, fieldMap, dateParser, maxArticleChars, FileIds.root(globs)))
                    .withOutputTags(
                        ParseFileFn.ARTICLES,
                        TupleTagList.of(ParseFileFn.ERRORS).and(ParseFileFn.ACCOUNTS)));
    // A file's articles come out of one worker; spread them before the heavy per-article work.
    PCollection<Article> articles =
        parsed.get(ParseFileFn.ARTICLES).setCoder(ArticleCoder.of());
    if (spread) {
      articles = articles.apply("SpreadArticles", Reshuffle.viaRandomKey());
    }
    PCollection<RejectedRecord> errors =
        parsed.get(ParseFileFn.ERRORS).setCoder(AvroCoder.of(RejectedRecord.class));
    PCollection<FileAccount> accounts =
        parsed.get(ParseFileFn.ACCOUNTS).setCoder(FileAccount.FileAccountCoder.of());
    return new Result(input.getPipeline(), articles, errors, accounts);
  }

  /** The outputs of {@link ReadArticles}. */
  public static final class Result implements POutput {
    private final Pipeline pipeline;
    private final PCollection<Article> articles;
    private final PCollection<RejectedRecord> errors;
    private final PCollection<FileAccount> fileAccounts;

    private Result(
        Pipeline pipeline,
        PCollection<Article> articles,
        PCollection<RejectedRecord> errors,
        PCollection<FileAccount> fileAccounts) {
      this.pipeline = pipeline;
      this.articles = articles;
      this.errors = errors;
      this.fileAccounts = fileAccounts;
    }

    /** The articles read, in no particular order. */
    public PCollection<Article> articles() {
      return articles;
    }

    /** Records and files that could not be read, with the reason; see {@link RejectReason}. */
    public PCollection<RejectedRecord> errors() {
      return errors;
    }

    /** One entry per matched file. */
    public PCollection<FileAccount> fileAccounts() {
      return fileAccounts;
    }

    @Override
    public Pipeline getPipeline() {
      return pipeline;
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(
          ParseFileFn.ARTICLES, articles,
          ParseFileFn.ERRORS, errors,
          ParseFileFn.ACCOUNTS, fileAccounts);
    }

    @Override
    public void finishSpecifyingOutput(
        String transformName, PInput input, PTransform<?, ?> transform) {}
  }
}
