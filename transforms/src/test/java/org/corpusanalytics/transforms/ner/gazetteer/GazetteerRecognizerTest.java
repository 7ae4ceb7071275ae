package org.corpusanalytics.transforms.ner.gazetteer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.Assert.assertThrows;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.util.SerializableUtils;
import org.corpusanalytics.transforms.ner.EntityType;
import org.corpusanalytics.transforms.ner.Mention;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class GazetteerRecognizerTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static Gazetteer parse(String csv) throws IOException {
    return Gazetteer.parse(new StringReader(csv), "test.csv");
  }

  private static List<String> found(Gazetteer g, String sentence) {
    List<String> out = new ArrayList<>();
    for (Mention m : new GazetteerRecognizer(g).recognize(sentence)) {
      assertThat(sentence.substring(m.start(), m.end()), equalTo(m.text()));
      out.add(m.type() + ":" + m.text());
    }
    return out;
  }

  @Test
  public void matchesWholeWordsOnly() throws IOException {
    Gazetteer g = parse("Kim Jong-un,PERSON,Kim\nOslo,LOC,\nUN,ORG,United Nations\n");
    assertThat(
        found(g, "Kim met UN envoys in Oslo; Kimberly, Oslofjord, UNESCO and Kim-led talks not."),
        contains("PERSON:Kim", "ORGANIZATION:UN", "LOCATION:Oslo"));
    assertThat(found(g, "Kim's aides (Oslo) said: \"UN.\""),
        contains("PERSON:Kim", "LOCATION:Oslo", "ORGANIZATION:UN"));
    assertThat(found(g, "kim and oslo in lower case are not the names"), empty());
  }

  @Test
  public void theLongestMatchWins() throws IOException {
    Gazetteer g =
        parse(
            "canonical,type,aliases\n"
                + "New York,LOCATION,\n"
                + "New York Times,ORGANIZATION,NYT\n"
                + "Times Square,LOCATION,\n");
    // "New York Times" beats "New York" and the overlapping "Times Square".
    assertThat(
        found(g, "The New York Times Square office"), contains("ORGANIZATION:New York Times"));
    assertThat(
        found(g, "New York and Times Square"), contains("LOCATION:New York", "LOCATION:Times Square"));
  }

  @Test
  public void overlappingAliasesOfDifferentEntities() throws IOException {
    Gazetteer g =
        parse(
            "Helen Carter,PERSON,Carter|Prime Minister Helen Carter\n"
                + "Carter Holdings,ORG,Carter Holdings Ltd\n");
    assertThat(
        found(g, "Prime Minister Helen Carter sold Carter Holdings Ltd shares, Carter said."),
        contains(
            "PERSON:Prime Minister Helen Carter",
            "ORGANIZATION:Carter Holdings Ltd",
            "PERSON:Carter"));
    assertThat(g.lookup("Prime Minister Helen Carter", EntityType.PERSON).canonical(),
        equalTo("Helen Carter"));
    assertThat(g.lookup("Carter Holdings Ltd", EntityType.ORGANIZATION).canonical(),
        equalTo("Carter Holdings"));
  }

  @Test
  public void lookupNeedsTheSameType() throws IOException {
    Gazetteer g = parse("North Korea,LOCATION,Pyongyang|DPRK\nJordan,LOCATION,\n");
    assertThat(g.lookup("Pyongyang", EntityType.LOCATION).canonical(), equalTo("North Korea"));
    assertThat(g.lookup("  DPRK ", EntityType.LOCATION).canonical(), equalTo("North Korea"));
    assertThat(g.lookup("Jordan", EntityType.PERSON), nullValue());
    assertThat(g.lookup("Seoul", EntityType.LOCATION), nullValue());
  }

  @Test
  public void csvQuotingCommentsAndWhitespace() throws IOException {
    Gazetteer g =
        parse(
            "# watchlist\n"
                + "\"Acme, Inc.\",ORG,\"Acme|Acme Corp\"\n"
                + "\n"
                + "  Jean-Luc   Picard , per , Picard \n");
    assertThat(g.entries().size(), equalTo(2));
    assertThat(g.entries().get(0).names(), contains("Acme, Inc.", "Acme", "Acme Corp"));
    assertThat(g.entries().get(1).canonical(), equalTo("Jean-Luc Picard"));
    assertThat(found(g, "Picard joined Acme, Inc. in May."),
        contains("PERSON:Picard", "ORGANIZATION:Acme, Inc."));
  }

  @Test
  public void badRowsAreReportedWithTheirLine() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> parse("Oslo,LOC\nAcme,COMPANY,\n"));
    assertThat(e.getMessage(), containsString("test.csv line 2: unknown type 'COMPANY'"));
    e = assertThrows(IllegalArgumentException.class, () -> parse("Oslo,LOC,a,b\n"));
    assertThat(e.getMessage(), containsString("expected canonical,type,aliases"));
  }

  @Test
  public void filesAreReadAsInputsAre() throws IOException {
    // Excel's UTF-8 starts with a byte order mark; an older editor writes windows-1252.
    File bom = tmp.newFile("bom.csv");
    Files.write(
        bom.toPath(),
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "canonical,type,aliases\nCaf\u00e9 Rouge,ORG,\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(Gazetteer.load(bom.getPath()).entries().get(0).canonical(), equalTo("Caf\u00e9 Rouge"));
    File latin = tmp.newFile("latin.csv");
    Files.write(latin.toPath(), "Caf\u00e9 Rouge,ORG,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(Gazetteer.load(latin.getPath()).entries().get(0).canonical(), equalTo("Caf\u00e9 Rouge"));
    File open = tmp.newFile("open.csv");
    Files.writeString(open.toPath(), "Oslo,LOC\n\"Acme,ORG,\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Gazetteer.load(open.getPath()));
    assertThat(e.getMessage(), containsString(open.getPath() + ": malformed CSV (a quote not closed?)"));
    assertThat(e.getMessage(), not(containsString("org.apache")));
  }

  @Test
  public void commentsAreLinesAndQuotedNamesMayStartWithAHash() throws IOException {
    Gazetteer g =
        parse(
            "canonical,type,aliases\n"
                + "# e.g. Acme Corp,ORGANIZATION,\"Acme, Inc|Acme\n"
                + "Northwind Motors,ORGANIZATION,Northwind\n"
                + "  # aliases are separated by |\"\n"
                + "\"#MeToo\",MISC,\n"
                + ",,\n"
                + "Helen Carter,PERSON,Carter\n");
    assertThat(
        found(g, "Northwind Motors backed the #MeToo campaign, Carter said."),
        contains("ORGANIZATION:Northwind Motors", "MISC:#MeToo", "PERSON:Carter"));
    // Line numbers stay those of the file.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> parse("# a \"comment\nOslo,LOC\nAcme,FIRM\n"));
    assertThat(e.getMessage(), containsString("test.csv line 3: unknown type 'FIRM'"));
  }

  @Test
  public void eachLineIsDecodedOnItsOwnAndUnicodeSpacesFold() throws IOException {
    File mixed = tmp.newFile("mixed.csv");
    Files.write(
        mixed.toPath(),
        concat(
            "Zo\u00eb Ball,PERSON,\nNew\u00a0York,LOCATION,NYC\n".getBytes(StandardCharsets.UTF_8),
            "M\u00fcller AG,ORGANIZATION,M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1)));
    Gazetteer g = Gazetteer.load(mixed.getPath());
    assertThat(g.entries().get(0).canonical(), equalTo("Zo\u00eb Ball"));
    assertThat(g.entries().get(1).canonical(), equalTo("New York"));
    assertThat(g.entries().get(2).canonical(), equalTo("M\u00fcller AG"));
    assertThat(
        found(g, "Zo\u00eb Ball and M\u00fcller met in New York."),
        contains("PERSON:Zo\u00eb Ball", "ORGANIZATION:M\u00fcller", "LOCATION:New York"));
  }

  @Test
  public void anEmojiEndsAWordAndALetterOfAnotherPlaneDoesNot() throws IOException {
    Gazetteer g = parse("Ford,ORG,\n");
    assertThat(
        found(g, "Ford\uD83D\uDE97 and \u2728Ford\u2728 rallied."),
        contains("ORGANIZATION:Ford", "ORGANIZATION:Ford"));
    assertThat(found(g, "Ford\uD835\uDD38 is one word."), empty()); // U+1D538, a letter
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  public void serializedWatchlistsMatchTheSameAndEqualOnesAreShared() throws IOException {
    Gazetteer g =
        parse("Kim Jong-un,PERSON,Kim|Kim   Jong Un\n\"Acme, Inc.\",ORG,Acme\nOslo,LOC,\nAcme,LOC,\n");
    Gazetteer copy = SerializableUtils.clone(g);
    assertThat(copy, not(sameInstance(g)));
    String sentence = "Kim Jong Un met Acme, Inc. staff in Oslo and Acme.";
    assertThat(found(copy, sentence), equalTo(found(g, sentence)));
    assertThat(found(copy, sentence), hasSize(4));
    assertThat(copy.lookup("Acme", EntityType.LOCATION).canonical(), equalTo("Acme"));
    assertThat(copy.lookup("Acme", EntityType.ORGANIZATION).canonical(), equalTo("Acme, Inc."));
    assertThat(copy.entries().toString(), equalTo(g.entries().toString()));

    // Every function holding an equal watchlist in this JVM shares one instance.
    assertThat(SerializableUtils.clone(g), sameInstance(copy));
    assertThat(SerializableUtils.clone(copy), sameInstance(copy));
    Gazetteer other = parse("Oslo,LOC,\n");
    assertThat(SerializableUtils.clone(other), not(sameInstance(copy)));
    assertThat(SerializableUtils.clone(parse("")).entries(), empty());
  }
}
