package org.corpusanalytics.transforms.output;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.model.RejectedRecord;

/** The {@code errors_by_reason} table ({@link Tables#ERRORS_BY_REASON}): rejected records per reason. */
public final class CountErrorsByReason
    extends PTransform<PCollection<RejectedRecord>, PCollection<Row>> {
  public static CountErrorsByReason create() {
    return new CountErrorsByReason();
  }

  @Override
  public PCollection<Row> expand(PCollection<RejectedRecord> errors) {
    return errors
        .apply(
            "KeyByReason",
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(r -> KV.of(r.reason(), 1L)))
        .apply("SumPerReason", Sum.longsPerKey())
        .apply("ReasonRows", ParDo.of(new RowFn()))
        .setRowSchema(Tables.ERRORS_BY_REASON);
  }

  private static final class RowFn extends DoFn<KV<String, Long>, Row> {
    @ProcessElement
    public void process(@Element KV<String, Long> reason, OutputReceiver<Row> out) {
      out.output(
          Row.withSchema(Tables.ERRORS_BY_REASON)
              .addValues(reason.getKey(), reason.getValue())
              .build());
    }
  }
}
