package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Paths;
import java.util.List;
import org.junit.Test;

public class FileIdsTest {
  @Test
  public void theRootIsTheFolderAllGlobsShareBeforeTheirWildcards() {
    assertThat(FileIds.root(List.of("/data/feeds/*/articles.jsonl")), equalTo("/data/feeds/"));
    assertThat(FileIds.root(List.of("/data/feeds/wire.jsonl")), equalTo("/data/feeds/"));
    assertThat(FileIds.root(List.of("/data/feeds/wire-*.jsonl")), equalTo("/data/feeds/"));
    assertThat(FileIds.root(List.of("/a/x/*.txt", "/a/y/z.jsonl")), equalTo("/a/"));
    assertThat(FileIds.root(List.of("/a/xy/*", "/a/xz/*")), equalTo("/a/"));
    assertThat(FileIds.root(List.of("/x/*", "/y/*")), equalTo("/"));
    assertThat(FileIds.root(List.of("/a/b/../c/*")), equalTo("/a/c/"));
    assertThat(FileIds.root(List.of("file:///a/b/*")), equalTo("/a/b/"));
    assertThat(
        FileIds.root(List.of("gs://bucket/news/*.jsonl.gz", "gs://bucket/other/x.csv")),
        equalTo("gs://bucket/"));
    assertThat(
        FileIds.root(List.of("testdata/corpus/*")),
        equalTo(Paths.get("testdata/corpus").toAbsolutePath() + "/"));
  }

  @Test
  public void filesAreNamedBelowTheRootOrByTheirNameOutsideIt() {
    assertThat(FileIds.relativeName("/a/x/f.jsonl", "/a/"), equalTo("x/f.jsonl"));
    assertThat(FileIds.relativeName("/x/f.jsonl", "/"), equalTo("x/f.jsonl"));
    assertThat(FileIds.relativeName("/other/f.jsonl", "/a/"), equalTo("f.jsonl"));
    assertThat(FileIds.relativeName("/a/f.jsonl", ""), equalTo("f.jsonl"));
  }

  @Test
  public void aTextIdDropsTheExtensionsOfTheFileNameOnly() {
    assertThat(FileIds.textId("2024-03-01/note.v2.txt.gz"), equalTo("2024-03-01/note.v2"));
    assertThat(FileIds.textId("story.txt"), equalTo("story"));
    assertThat(FileIds.textId("v1.0/README"), equalTo("v1.0/README"));
  }
}
