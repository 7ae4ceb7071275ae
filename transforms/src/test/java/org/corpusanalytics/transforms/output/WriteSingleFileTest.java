package org.corpusanalytics.transforms.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class WriteSingleFileTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theDocumentReplacesTheFileAndNoTemporaryFileIsLeft() throws Exception {
    Path dir = tmp.newFolder("out").toPath();
    Path report = dir.resolve("report.html");
    Files.writeString(report, "an older report, longer than the new one\n");
    pipeline
        .apply(Create.of("<p>caf\u00e9</p>"))
        .apply(WriteSingleFile.to(report.toString()));
    pipeline.run().waitUntilFinish();

    assertThat(Files.readString(report, StandardCharsets.UTF_8), equalTo("<p>caf\u00e9</p>\n"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(
          files.map(f -> f.getFileName().toString()).collect(Collectors.toList()),
          contains("report.html"));
    }
  }
}
