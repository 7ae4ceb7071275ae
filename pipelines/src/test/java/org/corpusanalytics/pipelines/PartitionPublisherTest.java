package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PartitionPublisherTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final LocalDate DAY = LocalDate.parse("2024-03-10");

  private static void writeTable(Path dir, String table, String content) throws Exception {
    Files.createDirectories(dir.resolve(table));
    Files.writeString(dir.resolve(table).resolve("part-00000-of-00001.csv"), content);
  }

  private static List<String> entries(Path dir) throws Exception {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }

  @Test
  public void publishMovesTheStagingFolderIntoItsPartitionWithManifestAndSuccess() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("out");
    PartitionPublisher p = PartitionPublisher.create(out, DAY);
    assertThat(p.stagingDir().getFileName().toString(), startsWith("_staging-2024-03-10-"));
    assertThat(p.stagingDir().getParent(), equalTo(out));
    writeTable(p.stagingDir(), "entities", "entity\nOslo\n");
    p.publish(Map.of("run_date", "2024-03-10"));

    Path partition = out.resolve("run_date=2024-03-10");
    assertThat(p.partitionDir(), equalTo(partition));
    assertThat(entries(out), equalTo(List.of("run_date=2024-03-10")));
    assertThat(entries(partition), equalTo(List.of("_SUCCESS", "entities", "manifest.json")));
    assertThat(
        Files.readString(partition.resolve("manifest.json"), StandardCharsets.UTF_8),
        containsString("\"run_date\" : \"2024-03-10\""));
  }

  @Test
  public void aRerunReplacesThePartitionWholesale() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("out");
    PartitionPublisher first = PartitionPublisher.create(out, DAY);
    writeTable(first.stagingDir(), "entities", "first\n");
    writeTable(first.stagingDir(), "movers", "only in the first run\n");
    first.publish(Map.of("run", 1));

    PartitionPublisher second = PartitionPublisher.create(out, DAY);
    writeTable(second.stagingDir(), "entities", "second\n");
    second.publish(Map.of("run", 2));

    Path partition = out.resolve("run_date=2024-03-10");
    assertThat(entries(out), equalTo(List.of("run_date=2024-03-10")));
    assertThat(entries(partition), equalTo(List.of("_SUCCESS", "entities", "manifest.json")));
    assertThat(
        Files.readString(partition.resolve("entities/part-00000-of-00001.csv")), equalTo("second\n"));
  }

  @Test
  public void aFailedRunLeavesThePreviousPartitionAndNoStagingFolder() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("out");
    PartitionPublisher good = PartitionPublisher.create(out, DAY);
    writeTable(good.stagingDir(), "entities", "good\n");
    good.publish(Map.of("run", 1));

    PartitionPublisher failed = PartitionPublisher.create(out, DAY);
    writeTable(failed.stagingDir(), "entities", "half-writ");
    failed.abort();
    failed.abort(); // idempotent

    Path partition = out.resolve("run_date=2024-03-10");
    assertThat(entries(out), equalTo(List.of("run_date=2024-03-10")));
    assertThat(
        Files.readString(partition.resolve("entities/part-00000-of-00001.csv")), equalTo("good\n"));
    assertThat(Files.exists(partition.resolve("_SUCCESS")), equalTo(true));
  }

  @Test
  public void anAbortedRunRemovesTheOutputFoldersItCreatedAndNoOthers() throws Exception {
    Path root = tmp.getRoot().toPath();
    PartitionPublisher.create(root.resolve("new/sub"), DAY).abort();
    assertThat(entries(root), equalTo(List.of()));

    Files.createDirectories(root.resolve("kept/other"));
    PartitionPublisher.create(root.resolve("kept/out"), DAY).abort();
    assertThat(entries(root.resolve("kept")), equalTo(List.of("other")));

    PartitionPublisher.create(root.resolve("kept/out"), DAY).publish(Map.of());
    PartitionPublisher.create(root.resolve("kept/out"), DAY).abort();
    assertThat(entries(root.resolve("kept/out")), equalTo(List.of("run_date=2024-03-10")));
  }

  @Test
  public void datesHaveTheirOwnPartitionsSideBySide() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("out");
    PartitionPublisher a = PartitionPublisher.create(out, DAY);
    PartitionPublisher b = PartitionPublisher.create(out, DAY.plusDays(1));
    b.publish(Map.of());
    a.publish(Map.of());
    assertThat(entries(out), equalTo(List.of("run_date=2024-03-10", "run_date=2024-03-11")));
  }

  @Test(expected = IllegalStateException.class)
  public void aPublisherPublishesOnce() throws Exception {
    PartitionPublisher p = PartitionPublisher.create(tmp.getRoot().toPath(), DAY);
    p.publish(Map.of());
    p.publish(Map.of());
  }

  @Test
  public void onlyLocalOutputsAreAccepted() {
    // Relative to this process's folder, made absolute for a cluster's TaskManagers.
    assertThat(
        PartitionPublisher.localPath("out/x"), equalTo(Paths.get("out/x").toAbsolutePath()));
    assertThat(PartitionPublisher.localPath("file:///tmp/out").toString(), equalTo("/tmp/out"));
    try {
      PartitionPublisher.localPath("gs://bucket/out");
      throw new AssertionError("expected a failure");
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage(), containsString("must be a local folder"));
    }
  }
}
