package org.corpusanalytics.transforms.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes the one string of a collection, such as the HTML report, to one file, with a line end
 * after it. The text goes to a temporary file in the same folder that is then renamed into place,
 * so a reader never sees half a file. Beam's file writes would do the same in some two dozen steps
 * of sharding and finalization, which a single document does not need.
 */
public final class WriteSingleFile extends PTransform<PCollection<String>, PDone> {
  private final String path;

  private WriteSingleFile(String path) {
    this.path = path;
  }

  public static WriteSingleFile to(String path) {
    return new WriteSingleFile(path);
  }

  @Override
  public PDone expand(PCollection<String> documents) {
    documents.apply("WriteFile", ParDo.of(new WriteFn(path)));
    return PDone.in(documents.getPipeline());
  }

  private static final class WriteFn extends DoFn<String, Void> {
    private final String path;
    private transient boolean written;

    WriteFn(String path) {
      this.path = path;
    }

    @ProcessElement
    public void process(@Element String document) throws IOException {
      if (written) {
        throw new IllegalStateException("more than one document to write to " + path);
      }
      written = true;
      ResourceId target = FileSystems.matchNewResource(path, false);
      ResourceId temp =
          target
              .getCurrentDirectory()
              .resolve(
                  "." + target.getFilename() + "." + UUID.randomUUID() + ".tmp",
                  StandardResolveOptions.RESOLVE_FILE);
      try (WritableByteChannel channel = FileSystems.create(temp, "text/plain")) {
        channel.write(ByteBuffer.wrap((document + "\n").getBytes(StandardCharsets.UTF_8)));
      }
      FileSystems.rename(List.of(temp), List.of(target));
    }
  }
}
