package org.corpusanalytics.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of scheduled (nightly) reports: the run's partition, a date window and a comparison. */
public interface ScheduledReportOptions extends PipelineOptions {
  @Description(
      "Run date YYYY-MM-DD; the run writes OUTPUT/run_date=YYYY-MM-DD/ and replaces that partition"
          + " if it exists. Empty: today in UTC.")
  @Default.String("")
  String getRunDate();

  void setRunDate(String value);

  @Description(
      "First publication date (YYYY-MM-DD, inclusive, UTC) of the articles counted. With a window"
          + " set, articles without a date are left out. Empty: no lower bound.")
  @Default.String("")
  String getPublishedFrom();

  void setPublishedFrom(String value);

  @Description(
      "Last publication date (YYYY-MM-DD, inclusive, UTC) of the articles counted. Empty: no upper"
          + " bound.")
  @Default.String("")
  String getPublishedTo();

  void setPublishedTo(String value);

  @Description(
      "An earlier partition, e.g. out/run_date=2024-03-04, to compare entities with: writes the"
          + " movers table and the report's movers section. Empty: no comparison.")
  @Default.String("")
  String getCompareTo();

  void setCompareTo(String value);
}
