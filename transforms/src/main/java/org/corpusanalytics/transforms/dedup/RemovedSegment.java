package org.corpusanalytics.transforms.dedup;

import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;

/** A span [start, end) of an article body, in original UTF-16 offsets, removed as a repeat. */
@DefaultCoder(AvroCoder.class)
public final class RemovedSegment implements Serializable, Comparable<RemovedSegment> {
  public static final String REPEAT_IN_ARTICLE = "repeat_in_article";
  public static final String REPEAT_ACROSS_ARTICLES = "repeat_across_articles";

  private int start;
  private int end;
  private String reason;
  private String keptArticleId;

  @SuppressWarnings("unused") // for AvroCoder
  private RemovedSegment() {
    this(0, 0, "", "");
  }

  public RemovedSegment(int start, int end, String reason, String keptArticleId) {
    this.start = start;
    this.end = end;
    this.reason = Objects.requireNonNull(reason);
    this.keptArticleId = Objects.requireNonNull(keptArticleId);
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  public int length() {
    return end - start;
  }

  public String reason() {
    return reason;
  }

  /** The article whose copy of this text was kept (the same article for in-article repeats). */
  public String keptArticleId() {
    return keptArticleId;
  }

  boolean continuesWith(RemovedSegment next) {
    return reason.equals(next.reason) && keptArticleId.equals(next.keptArticleId);
  }

  /** The same reason and kept article, over another span. */
  RemovedSegment spanning(int newStart, int newEnd) {
    return new RemovedSegment(newStart, newEnd, reason, keptArticleId);
  }

  RemovedSegment extendedTo(int newEnd) {
    return new RemovedSegment(start, newEnd, reason, keptArticleId);
  }

  @Override
  public int compareTo(RemovedSegment o) {
    return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RemovedSegment)) {
      return false;
    }
    RemovedSegment r = (RemovedSegment) o;
    return start == r.start
        && end == r.end
        && reason.equals(r.reason)
        && keptArticleId.equals(r.keptArticleId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, end, reason, keptArticleId);
  }

  @Override
  public String toString() {
    return reason + "[" + start + "," + end + ") kept in " + keptArticleId;
  }
}
