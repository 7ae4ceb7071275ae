package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class OutputPublisherTest {
  private static final List<String> TABLES = List.of("entities", "errors", "summary");

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void stagingFolderIsAHiddenSiblingOfTheTarget() throws IOException {
    Path root = tmp.getRoot().toPath().toRealPath();
    OutputPublisher p = OutputPublisher.to(root + "/out/", TABLES, "abc123", true);
    assertThat(p.target(), is(root + "/out"));
    assertThat(p.stagingDir(), is(root + "/_out.staging-abc123"));
    OutputPublisher partition = OutputPublisher.to(root + "/out/run_date=2024-05-01", TABLES);
    assertThat(partition.stagingDir(), containsString(root + "/out/_run_date=2024-05-01.staging-"));
    assertThrows(IllegalArgumentException.class, () -> OutputPublisher.to("/", TABLES));
    assertThrows(IllegalArgumentException.class, () -> OutputPublisher.to("gs://bucket", TABLES));
  }

  @Test
  public void publishesIntoANewFolder() throws IOException {
    for (boolean renameFolders : List.of(true, false)) {
      Path out = tmp.getRoot().toPath().resolve("new-" + renameFolders);
      OutputPublisher p = OutputPublisher.to(out.toString(), TABLES, "r1", renameFolders);
      stage(p, "entities/part-00000-of-00001.csv", "summary/part-00000-of-00001.csv");
      p.publish();
      assertThat(files(out), is(Set.of("entities/part-00000-of-00001.csv", "summary/part-00000-of-00001.csv")));
      assertThat(Files.readString(out.resolve("entities/part-00000-of-00001.csv")), is("new"));
      assertThat(siblings(out), is(Set.of(out.getFileName().toString())));
    }
  }

  @Test
  public void replacesAPreviousOutputWhole() throws IOException {
    for (boolean renameFolders : List.of(true, false)) {
      Path out = tmp.getRoot().toPath().resolve("old-" + renameFolders);
      write(out.resolve("entities/part-00000-of-00002.csv"), "old");
      write(out.resolve("entities/part-00001-of-00002.csv"), "old");
      write(out.resolve("errors/part-00000-of-00001.csv"), "old");
      OutputPublisher p = OutputPublisher.to(out.toString(), TABLES, "r2", renameFolders);
      stage(p, "entities/part-00000-of-00001.csv", "summary/part-00000-of-00001.csv");
      p.publish();
      // No stale shard and no table of the old run survives; nothing is left beside the output.
      assertThat(files(out), is(Set.of("entities/part-00000-of-00001.csv", "summary/part-00000-of-00001.csv")));
      assertThat(siblings(out), is(Set.of(out.getFileName().toString())));
    }
  }

  @Test
  public void discardRemovesTheStagingFolderAndKeepsThePreviousOutput() throws IOException {
    Path out = tmp.getRoot().toPath().resolve("kept");
    write(out.resolve("errors/part-00000-of-00001.csv"), "old");
    OutputPublisher p = OutputPublisher.to(out.toString(), TABLES, "r3", true);
    stage(p, "errors/part-00000-of-00001.csv");
    p.discard();
    p.discard(); // twice is harmless
    assertThat(Files.readString(out.resolve("errors/part-00000-of-00001.csv")), is("old"));
    assertThat(siblings(out), is(Set.of("kept")));
    assertThrows(IOException.class, p::publish); // nothing staged any more
    assertThat(Files.readString(out.resolve("errors/part-00000-of-00001.csv")), is("old"));
  }

  @Test
  public void refusesToReplaceAFolderWithOtherFiles() throws IOException {
    Path out = tmp.getRoot().toPath().resolve("home");
    write(out.resolve("entities/part-00000-of-00001.csv"), "old");
    write(out.resolve("thesis.tex"), "precious");
    OutputPublisher p = OutputPublisher.to(out.toString(), TABLES, "r4", true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::checkTarget);
    assertThat(e.getMessage(), containsString("thesis.tex"));
    stage(p, "entities/part-00000-of-00001.csv");
    assertThrows(IllegalArgumentException.class, p::publish);
    assertThat(Files.readString(out.resolve("thesis.tex")), is("precious"));

    Path file = tmp.getRoot().toPath().resolve("a-file");
    write(file, "x");
    assertThrows(
        IllegalArgumentException.class, () -> OutputPublisher.to(file.toString(), TABLES).checkTarget());
  }

  @Test
  public void aSymbolicLinkToTheOutputStaysALink() throws IOException {
    Path real = tmp.getRoot().toPath().resolve("disk/real-out");
    write(real.resolve("errors/part-00000-of-00001.csv"), "old");
    Path link = tmp.getRoot().toPath().resolve("link-out");
    Files.createSymbolicLink(link, real);
    OutputPublisher p = OutputPublisher.to(link.toString(), TABLES, "r5", true);
    assertThat(p.target(), is(real.toRealPath().toString()));
    stage(p, "summary/part-00000-of-00001.csv");
    p.publish();
    assertThat(Files.isSymbolicLink(link), is(true));
    assertThat(files(link), is(Set.of("summary/part-00000-of-00001.csv")));
  }

  private static void stage(OutputPublisher p, String... files) throws IOException {
    for (String f : files) {
      write(Path.of(p.stagingDir()).resolve(f), "new");
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static Set<String> files(Path dir) throws IOException {
    Path real = dir.toRealPath();
    try (Stream<Path> all = Files.walk(real)) {
      return all.filter(Files::isRegularFile)
          .map(f -> real.relativize(f).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Set<String> siblings(Path dir) throws IOException {
    try (Stream<Path> all = Files.list(dir.getParent())) {
      return all.map(f -> f.getFileName().toString())
          .filter(n -> n.contains(dir.getFileName().toString()))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
