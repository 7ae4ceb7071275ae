package org.corpusanalytics.transforms.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.File;
import java.nio.file.Files;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LocalMatchesTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aPathWithoutWildcardsIsMissingWhenNoFileIsThere() throws Exception {
    File a = tmp.newFile("a.jsonl");
    assertThat(LocalMatches.certainlyMissing(a.getPath()), is(false));
    assertThat(LocalMatches.certainlyMissing("file:" + a.getPath()), is(false));
    assertThat(LocalMatches.certainlyMissing(tmp.getRoot() + "/b.jsonl"), is(true));
    // A folder is no file to read.
    assertThat(LocalMatches.certainlyMissing(tmp.getRoot().getPath()), is(true));
  }

  @Test
  public void wildcardsInTheLastNameAreMatchedInTheFolderOnly() throws Exception {
    tmp.newFile("a.jsonl");
    File sub = tmp.newFolder("sub");
    Files.createFile(sub.toPath().resolve("b.csv"));
    String root = tmp.getRoot().getPath();
    assertThat(LocalMatches.certainlyMissing(root + "/*.jsonl"), is(false));
    assertThat(LocalMatches.certainlyMissing(root + "/*.{csv,txt}"), is(true));
    assertThat(LocalMatches.certainlyMissing(root + "/sub/*.{csv,txt}"), is(false));
    assertThat(LocalMatches.certainlyMissing(root + "/none/*.jsonl"), is(true));
  }

  @Test
  public void theRootFolderIsListedNotWalked() {
    assertThat(LocalMatches.certainlyMissing("/no-such-file-anywhere-*.jsonl"), is(true));
    assertThat(LocalMatches.certainlyMissing("/no-such-file-anywhere.jsonl"), is(true));
  }

  @Test
  public void otherFileSystemsAndWildcardFoldersAreLeftToBeam() {
    assertThat(LocalMatches.certainlyMissing("gs://bucket/none.jsonl"), is(false));
    assertThat(LocalMatches.certainlyMissing(tmp.getRoot() + "/*/none.jsonl"), is(false));
  }
}
