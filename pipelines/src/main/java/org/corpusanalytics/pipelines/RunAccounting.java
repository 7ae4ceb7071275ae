package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corpusanalytics.transforms.io.RejectReason;
import org.corpusanalytics.transforms.output.OutputFormat;
import org.corpusanalytics.transforms.output.Tables;

/**
 * What a run did with its input, read back from its {@code inputs} and {@code errors_by_reason}
 * tables, and the {@code --maxErrorRate} check on it.
 */
final class RunAccounting {
  record FileCounts(String file, long read, long processed, long rejected) {}

  record ReasonCount(String reason, long records) {}

  private final List<FileCounts> files;
  private final List<ReasonCount> reasons;

  RunAccounting(List<FileCounts> files, List<ReasonCount> reasons) {
    this.files = files;
    this.reasons = reasons;
  }

  /** @throws IllegalArgumentException unless {@code maxErrorRate} is a share from 0 to 1 */
  static void checkMaxErrorRate(double maxErrorRate) {
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new IllegalArgumentException(
          "--maxErrorRate must be a share from 0 to 1 (0.01 is 1%), got " + maxErrorRate);
    }
  }

  /** Reads the tables a run wrote to {@code outputDir}. */
  static RunAccounting read(String outputDir, OutputFormat format) throws IOException {
    List<FileCounts> files = new ArrayList<>();
    for (Map<String, Object> row :
        StagedTables.read(outputDir, "inputs", Tables.INPUTS, format)) {
      files.add(
          new FileCounts(
              (String) row.get("file"),
              number(row, "read"),
              number(row, "processed"),
              number(row, "rejected")));
    }
    List<ReasonCount> reasons = new ArrayList<>();
    for (Map<String, Object> row :
        StagedTables.read(outputDir, "errors_by_reason", Tables.ERRORS_BY_REASON, format)) {
      reasons.add(new ReasonCount((String) row.get("reason"), number(row, "records")));
    }
    return new RunAccounting(files, reasons);
  }

  /**
   * A one-line failure when the run read no input file at all, else null. Every glob matched a
   * file before the run, so the workers could not see them: a cluster's TaskManagers need the
   * input on a file system they can reach.
   */
  String checkAnyFileRead(String input) {
    if (!files.isEmpty()) {
      return null;
    }
    return "the run read none of the files --input "
        + input
        + " matched on this machine: the input must be on a file system every worker can reach";
  }

  long read() {
    return files.stream().mapToLong(FileCounts::read).sum();
  }

  long processed() {
    return files.stream().mapToLong(FileCounts::processed).sum();
  }

  long rejected() {
    return files.stream().mapToLong(FileCounts::rejected).sum();
  }

  /** Rejected records as a share of those read; 0 when nothing was read. */
  double errorRate() {
    long read = read();
    return read == 0 ? 0 : (double) rejected() / read;
  }

  /**
   * Files whose reading stopped before their end or never began: each counts as one rejected
   * record, but the records it held are in no count. A file has one rejection with these reasons,
   * rarely two (a read error, then a failure to close).
   */
  long unreadFiles() {
    return reasons.stream()
        .filter(r -> UNREAD_FILE_REASONS.contains(r.reason()))
        .mapToLong(ReasonCount::records)
        .sum();
  }

  private static final List<String> UNREAD_FILE_REASONS =
      List.of(
          RejectReason.BINARY_FILE,
          RejectReason.CSV_MISSING_BODY_COLUMN,
          RejectReason.CSV_UNBALANCED_QUOTE,
          RejectReason.READ_ERROR);

  /**
   * Null when the error rate, and the share of input files not read to their end, are within
   * {@code maxErrorRate}; otherwise the one message that explains the failure, with the most
   * frequent reasons and the files with the most rejections.
   */
  String checkErrorRate(double maxErrorRate, String output) {
    double unreadShare =
        files.isEmpty() ? 0 : (double) Math.min(unreadFiles(), files.size()) / files.size();
    if (errorRate() <= maxErrorRate && unreadShare <= maxErrorRate) {
      return null;
    }
    if (errorRate() <= maxErrorRate) {
      List<String> unreadText = new ArrayList<>();
      for (ReasonCount r : sortedReasons()) {
        if (UNREAD_FILE_REASONS.contains(r.reason())) {
          unreadText.add(r.reason() + " (" + r.records() + ")");
        }
      }
      return String.format(
          Locale.ROOT,
          "%d of %d input files could not be read to their end (%s), more than"
              + " --maxErrorRate=%s allows: the records they hold are in no count, so the share"
              + " of rejected records (%s) understates the loss; nothing was published to %s."
              + " Fix the input, or rerun with a higher --maxErrorRate to get the report with its"
              + " errors table.",
          unreadFiles(),
          files.size(),
          String.join(", ", unreadText),
          stripZeros(maxErrorRate),
          percent(errorRate()),
          output);
    }
    List<ReasonCount> worstReasons = sortedReasons();
    List<String> reasonText = new ArrayList<>();
    for (ReasonCount r : worstReasons.subList(0, Math.min(3, worstReasons.size()))) {
      reasonText.add(r.reason() + " (" + r.records() + ")");
    }
    List<FileCounts> worstFiles = new ArrayList<>();
    for (FileCounts f : files) {
      if (f.rejected() > 0) {
        worstFiles.add(f);
      }
    }
    worstFiles.sort(
        Comparator.comparingLong(FileCounts::rejected).reversed().thenComparing(FileCounts::file));
    List<String> fileText = new ArrayList<>();
    for (FileCounts f : worstFiles.subList(0, Math.min(3, worstFiles.size()))) {
      fileText.add(f.file() + " (" + f.rejected() + " of " + f.read() + ")");
    }
    return String.format(
        Locale.ROOT,
        "%d of %d input records were rejected (%s), more than --maxErrorRate=%s allows;"
            + " nothing was published to %s. Most frequent reasons: %s. Files with the most"
            + " rejections: %s. Fix the input, or rerun with a higher --maxErrorRate to get the"
            + " report with its errors table.",
        rejected(),
        read(),
        percent(errorRate()),
        stripZeros(maxErrorRate),
        output,
        String.join(", ", reasonText),
        String.join(", ", fileText));
  }

  /** The reasons, most records first. */
  private List<ReasonCount> sortedReasons() {
    List<ReasonCount> sorted = new ArrayList<>(reasons);
    sorted.sort(
        Comparator.comparingLong(ReasonCount::records).reversed().thenComparing(ReasonCount::reason));
    return sorted;
  }

  /** One line for the end of a successful run. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%d input records in %d files: %d processed, %d rejected (%s; see the errors table)",
        read(),
        files.size(),
        processed(),
        rejected(),
        percent(errorRate()));
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * share);
  }

  private static String stripZeros(double value) {
    return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  private static long number(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v == null ? 0 : (Long) v;
  }
}
