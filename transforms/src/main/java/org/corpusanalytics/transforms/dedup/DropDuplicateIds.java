package org.corpusanalytics.transforms.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.io.InputFormat;
import org.corpusanalytics.transforms.io.RejectReason;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.RejectedRecord;
import org.corpusanalytics.transforms.support.CodePointOrder;

/**
 * Keeps one article per id: the first in canonical order ({@code published} ascending, undated last,
 * then input file, then record number). The others are rejected with reason {@code duplicate_id}.
 */
public final class DropDuplicateIds extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final String REASON = RejectReason.DUPLICATE_ID;
  public static final TupleTag<Article> UNIQUE = new TupleTag<Article>() {};
  public static final TupleTag<RejectedRecord> DUPLICATES = new TupleTag<RejectedRecord>() {};

  static final Comparator<Article> FIRST_COPY =
      Comparator.comparing(
              Article::publishedMillis, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
          .thenComparing(Article::sourceFile, CodePointOrder.INSTANCE)
          .thenComparingLong(Article::record);

  public static DropDuplicateIds create() {
    return new DropDuplicateIds();
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    return articles
        .apply("KeyById", WithKeys.of(Article::id).withKeyType(TypeDescriptors.strings()))
        .apply("GroupById", GroupByKey.create())
        .apply(
            "KeepFirstPerId",
            ParDo.of(new KeepFirstFn()).withOutputTags(UNIQUE, TupleTagList.of(DUPLICATES)));
  }

  private static final class KeepFirstFn extends DoFn<KV<String, Iterable<Article>>, Article> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<Article>> group, MultiOutputReceiver out) {
      List<Article> copies = new ArrayList<>();
      group.getValue().forEach(copies::add);
      copies.sort(FIRST_COPY);
      Article kept = copies.get(0);
      out.get(UNIQUE).output(kept);
      for (Article dup : copies.subList(1, copies.size())) {
        out.get(DUPLICATES)
            .output(
                new RejectedRecord(
                    dup.sourceFile(),
                    dup.record(),
                    REASON,
                    InputFormat.fileNameOf(dup.sourceFile())
                        + (dup.record() > 0 ? " record " + dup.record() : "")
                        + ": article id '"
                        + dup.id()
                        + "' already used by "
                        + kept.sourceFile()
                        + (kept.record() > 0 ? " record " + kept.record() : "")
                        + "; the first copy in canonical order is kept",
                    dup.body()));
      }
    }
  }
}
