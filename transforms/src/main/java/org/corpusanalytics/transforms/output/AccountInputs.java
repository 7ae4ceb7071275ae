package org.corpusanalytics.transforms.output;

import java.util.Map;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.corpusanalytics.transforms.io.FileAccount;
import org.corpusanalytics.transforms.model.RejectedRecord;

/**
 * The {@code inputs} table ({@link Tables#INPUTS}): per input file, the records read, processed and
 * rejected, so that {@code read == processed + rejected} for every file.
 *
 * <p>The readers' {@link FileAccount}s count what reading kept and rejected. Records rejected later
 * (e.g. duplicate ids, see {@link #withLaterRejections}) were read and kept by the reader; each moves
 * from {@code processed} to {@code rejected} of the file it came from.
 */
public final class AccountInputs extends PTransform<PCollection<FileAccount>, PCollection<Row>> {
  private static final String READ = "read";
  private static final String PROCESSED = "processed";
  private static final String REJECTED = "rejected";
  private static final TupleTag<RejectedRecord> LATER = new TupleTag<>("laterRejections");

  private final @Nullable PCollection<RejectedRecord> laterRejections;

  private AccountInputs(@Nullable PCollection<RejectedRecord> laterRejections) {
    this.laterRejections = laterRejections;
  }

  public static AccountInputs create() {
    return new AccountInputs(null);
  }

  /** Records that the readers processed and a later stage rejected, e.g. duplicate ids. */
  public AccountInputs withLaterRejections(PCollection<RejectedRecord> rejections) {
    return new AccountInputs(rejections);
  }

  @Override
  public Map<TupleTag<?>, PValue> getAdditionalInputs() {
    return laterRejections == null ? Map.of() : Map.of(LATER, laterRejections);
  }

  @Override
  public PCollection<Row> expand(PCollection<FileAccount> accounts) {
    KvCoder<KV<String, String>, Long> coder =
        KvCoder.of(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()), VarLongCoder.of());
    PCollectionList<KV<KV<String, String>, Long>> parts =
        PCollectionList.of(
            accounts.apply("AccountCounts", ParDo.of(new AccountCountsFn())).setCoder(coder));
    if (laterRejections != null) {
      parts =
          parts.and(
              laterRejections
                  .apply("LaterRejectionCounts", ParDo.of(new LaterRejectionFn()))
                  .setCoder(coder));
    }
    return parts
        .apply("AllCounts", Flatten.pCollections())
        .apply("SumPerFileAndColumn", Sum.longsPerKey())
        .apply("ByFile", ParDo.of(new ByFileFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply("GroupByFile", GroupByKey.create())
        .apply("InputRows", ParDo.of(new RowFn()))
        .setRowSchema(Tables.INPUTS);
  }

  private static final class AccountCountsFn extends DoFn<FileAccount, KV<KV<String, String>, Long>> {
    @ProcessElement
    public void process(@Element FileAccount a, OutputReceiver<KV<KV<String, String>, Long>> out) {
      out.output(KV.of(KV.of(a.file(), READ), a.counts().read()));
      out.output(KV.of(KV.of(a.file(), PROCESSED), a.counts().processed()));
      out.output(KV.of(KV.of(a.file(), REJECTED), a.counts().rejected()));
    }
  }

  private static final class LaterRejectionFn
      extends DoFn<RejectedRecord, KV<KV<String, String>, Long>> {
    @ProcessElement
    public void process(@Element RejectedRecord r, OutputReceiver<KV<KV<String, String>, Long>> out) {
      out.output(KV.of(KV.of(r.sourceFile(), PROCESSED), -1L));
      out.output(KV.of(KV.of(r.sourceFile(), REJECTED), 1L));
    }
  }

  private static final class ByFileFn
      extends DoFn<KV<KV<String, String>, Long>, KV<String, KV<String, Long>>> {
    @ProcessElement
    public void process(
        @Element KV<KV<String, String>, Long> count, OutputReceiver<KV<String, KV<String, Long>>> out) {
      out.output(KV.of(count.getKey().getKey(), KV.of(count.getKey().getValue(), count.getValue())));
    }
  }

  private static final class RowFn extends DoFn<KV<String, Iterable<KV<String, Long>>>, Row> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Long>>> file, OutputReceiver<Row> out) {
      long read = 0;
      long processed = 0;
      long rejected = 0;
      for (KV<String, Long> c : file.getValue()) {
        switch (c.getKey()) {
          case READ -> read += c.getValue();
          case PROCESSED -> processed += c.getValue();
          default -> rejected += c.getValue();
        }
      }
      out.output(
          Row.withSchema(Tables.INPUTS).addValues(file.getKey(), read, processed, rejected).build());
    }
  }
}
