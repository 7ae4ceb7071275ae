package org.corpusanalytics.transforms.ner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.dedup.RemovedSegment;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.ner.gazetteer.Gazetteer;
import org.corpusanalytics.transforms.ner.gazetteer.GazetteerRecognizer;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;
import org.junit.Test;

public class ArticleRecognitionTest {
  private static DedupedArticle article(String body) {
    return new DedupedArticle(new Article("a", null, body, null, null, null, "f", 1), List.of());
  }

  private static ArticleRecognition stage(RecognitionRules rules) {
    return new ArticleRecognition(new TextNormalizer(), new SentenceSplitter(), rules);
  }

  private static List<String> show(AnnotatedArticle a, String body) {
    List<String> out = new ArrayList<>();
    for (ResolvedMention m : a.mentions()) {
      assertThat(body.substring(m.start(), m.end()), equalTo(m.text()));
      out.add(m.sentence() + ":" + m.text() + "=" + m.entity() + "/" + m.type());
    }
    return out;
  }

  /** Tags like a CRF would: from a watchlist, but the stage applies the statistical rules. */
  private static EntityRecognizer tagger(String csv) throws IOException {
    return new GazetteerRecognizer(Gazetteer.parse(new StringReader(csv), "tagger"));
  }

  @Test
  public void linesAreUnitsInAnArticleLaidOutOneSentencePerLine() {
    String body = "SOCCER - ROTOR FANS LOCKED OUT\nVOLGOGRAD 1996-08-30\nRotor Volgograd must play .";
    assertThat(LineLayout.isOneSentencePerLine(body), is(true));
    assertThat(
        stage(RecognitionRules.defaults()).units(article(body)),
        contains("SOCCER - ROTOR FANS LOCKED OUT", "VOLGOGRAD 1996-08-30", "Rotor Volgograd must play ."));
    assertThat(
        stage(RecognitionRules.defaults().withLineUnits(false)).units(article(body)),
        contains(body.replace('\n', ' ')));
  }

  @Test
  public void eachLineIsASentenceForTheCountsWhereLinesAreUnits() throws IOException {
    String body = "Apple beat eBay 2-1\nZurich beat Lima 3-0\nPeru drew with Apple 0-0\nLima beat Peru 1-0";
    EntityRecognizer tagger =
        tagger("Apple,ORGANIZATION,\neBay,ORGANIZATION,\nZurich,LOCATION,\nLima,LOCATION,\nPeru,LOCATION,\n");
    AnnotatedArticle byLine = stage(RecognitionRules.defaults()).annotate(article(body), tagger);
    assertThat(byLine.sentences(), is(4));
    assertThat(
        show(byLine, body),
        contains(
            "0:Apple=Apple/ORGANIZATION",
            "0:eBay=eBay/ORGANIZATION",
            "1:Zurich=Zurich/LOCATION",
            "1:Lima=Lima/LOCATION",
            "2:Peru=Peru/LOCATION",
            "2:Apple=Apple/ORGANIZATION",
            "3:Lima=Lima/LOCATION",
            "3:Peru=Peru/LOCATION"));
    // Read as prose, the four lines without a full stop are one sentence.
    AnnotatedArticle prose =
        stage(RecognitionRules.defaults().withLineUnits(false)).annotate(article(body), tagger);
    assertThat(prose.sentences(), is(1));
    assertThat(show(prose, body), everyItem(startsWith("0:")));
  }

  @Test
  public void namesInRemovedTextAreNotAddedAsRepeatsEither() throws IOException {
    // The body scraped twice, the first copy without a final full stop: the removed copy starts
    // inside the last sentence, so that sentence holds both kept and removed text.
    String copy =
        "Secretary of State Mark Ellis met officials in Beijing. Ellis said talks went well."
            + " They will meet again in Geneva";
    String body = copy + " " + copy;
    int second = copy.length() + 1;
    DedupedArticle deduped =
        new DedupedArticle(
            new Article("a", null, body, null, null, null, "f", 1),
            List.of(new RemovedSegment(second, body.length(), RemovedSegment.REPEAT_IN_ARTICLE, "a")));
    AnnotatedArticle a =
        stage(RecognitionRules.defaults().withLineUnits(false))
            .annotate(deduped, tagger("Mark Ellis,PERSON,\nBeijing,LOCATION,\nGeneva,LOCATION,\n"));
    for (ResolvedMention m : a.mentions()) {
      assertThat(m.text() + " at " + m.start(), m.end() <= second, is(true));
    }
    assertThat(
        show(a, body),
        contains(
            "0:Mark Ellis=Mark Ellis/PERSON",
            "0:Beijing=Beijing/LOCATION",
            "1:Ellis=Mark Ellis/PERSON",
            "2:Geneva=Geneva/LOCATION"));
  }

  @Test
  public void textDedupRemovedFromPartOfASentenceIsNotTagged() throws IOException {
    String body =
        "Nordwire said Halvorsen Marine sold two ferries.\nRevs 40 mln vs 38 mln\n Nordwire\n"
            + "Halvorsen Marine said so too. Halvorsen Marine sold two ferries.";
    int tail = body.indexOf(" Nordwire\n") + 1;
    int glued = body.lastIndexOf("Halvorsen Marine sold");
    DedupedArticle deduped =
        new DedupedArticle(
            new Article("a", null, body, null, null, null, "f", 1),
            List.of(
                new RemovedSegment(tail, tail + 8, RemovedSegment.REPEAT_ACROSS_ARTICLES, "w"),
                new RemovedSegment(glued, body.length(), RemovedSegment.REPEAT_IN_ARTICLE, "a")));
    ArticleRecognition stage = stage(RecognitionRules.defaults().withLineUnits(false));
    // Without a full stop after it, the sign-off is inside sentence 1: its two sides are units.
    assertThat(
        stage.units(deduped),
        contains(
            "Nordwire said Halvorsen Marine sold two ferries.",
            "Revs 40 mln vs 38 mln",
            "Halvorsen Marine said so too."));
    AnnotatedArticle a =
        stage.annotate(
            deduped, tagger("Nordwire,ORGANIZATION,\nHalvorsen Marine,ORGANIZATION,\n"));
    assertThat(
        show(a, body),
        contains(
            "0:Nordwire=Nordwire/ORGANIZATION",
            "0:Halvorsen Marine=Halvorsen Marine/ORGANIZATION",
            "1:Halvorsen Marine=Halvorsen Marine/ORGANIZATION"));
  }

  @Test
  public void aRankedRowIsOneUnitWithItsRank() throws IOException {
    String body =
        "ATHLETICS - RESULTS IN BERGEN\nMen 's 800 metres\n1. Ana Lopez ( Spain ) 1:45.64\n"
            + "2. Halvor Moe ( Norway ) 1:46.45\n3. Kai Berg ( Denmark ) 1:46.90";
    ArticleRecognition stage = stage(RecognitionRules.defaults());
    assertThat(
        stage.units(article(body)),
        contains(
            "ATHLETICS - RESULTS IN BERGEN",
            "Men 's 800 metres",
            "1. Ana Lopez ( Spain ) 1:45.64",
            "2. Halvor Moe ( Norway ) 1:46.45",
            "3. Kai Berg ( Denmark ) 1:46.90"));
    // So the rule for a ranked row sees the rank: a runner the tagger made a club is a person.
    AnnotatedArticle a =
        stage.annotate(
            article(body),
            tagger("Halvor Moe,ORGANIZATION,\nNorway,LOCATION,\nAna Lopez,PERSON,\n"));
    assertThat(
        show(a, body),
        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.endsWith(":Halvor Moe=Halvor Moe/PERSON")));
  }

  @Test
  public void indentedWireCopyWrappedBeforeCapitalsIsProse() {
    String body =
        "Fjordline Shipping\nLtd said shareholders approved the company's previously\n"
            + "reported three-for-one split.\n    The split takes effect on May 1, the board\n"
            + "said.\n Reuter\n";
    assertThat(LineLayout.isOneSentencePerLine(body), is(false));
    assertThat(
        stage(RecognitionRules.defaults()).units(article(body)),
        hasItem(startsWith("Fjordline Shipping Ltd said shareholders approved")));
  }

  @Test
  public void anIndentedParagraphOfRawProseStartsAUnit() {
    String body =
        "Police said on Friday they had found the girl, who was\nmissing since May.\n"
            + "    GRONINGEN, Netherlands 1996-08-30\n    Dutch police said the girl was well.\n";
    assertThat(LineLayout.isOneSentencePerLine(body), is(false));
    assertThat(
        stage(RecognitionRules.defaults()).units(article(body)),
        hasItem("GRONINGEN, Netherlands 1996-08-30"));
  }

  @Test
  public void rawTableRowsAreUnitsAndANoteWrappedOverTwoLinesIsOne() {
    String body =
        "Shr 51 cts vs 75 cts\n    Net 5,524,000 vs 8,094,000\n    Revs 142.4 mln vs 137.2 mln\n"
            + "    NOTE: Full name is Norhavn Marine Products\nCorp, a unit of Fjord Holdings.\n";
    assertThat(LineLayout.isOneSentencePerLine(body), is(true));
    assertThat(
        stage(RecognitionRules.defaults()).units(article(body)),
        contains(
            "Shr 51 cts vs 75 cts",
            "Net 5,524,000 vs 8,094,000",
            "Revs 142.4 mln vs 137.2 mln",
            "NOTE: Full name is Norhavn Marine Products Corp, a unit of Fjord Holdings."));
  }

  @Test
  public void tokenizedTextKeepsEveryLineAUnit() {
    String body = "Results of the Norhavn\nGrand Prix on Friday :\n1. Kari Lund ( Norway ) 12.71\n";
    assertThat(
        stage(RecognitionRules.defaults()).units(article(body)),
        contains("Results of the Norhavn", "Grand Prix on Friday :", "1. Kari Lund ( Norway ) 12.71"));
  }

  @Test
  public void hardWrappedProseIsNotCutAtItsLines() {
    String body = "The minister said on Monday that the\nagreement would be signed in Oslo\nnext month.";
    assertThat(LineLayout.isOneSentencePerLine(body), is(false));
    assertThat(
        stage(RecognitionRules.defaults()).units(article(body)),
        contains("The minister said on Monday that the agreement would be signed in Oslo next month."));
  }

  @Test
  public void offsetsPointIntoTheBodyAsRead() throws IOException {
    String body = "  Helen\u00A0Carter   visited\r\nOslo.\n\n\"Carter  said so,\" she said.";
    AnnotatedArticle a =
        stage(RecognitionRules.defaults())
            .annotate(article(body), tagger("Helen Carter,PERSON,\nOslo,LOCATION,\n"));
    assertThat(
        show(a, body),
        contains(
            "0:Helen\u00A0Carter=Helen Carter/PERSON",
            "1:Oslo=Oslo/LOCATION", // its own line: the article is read line by line
            "2:Carter=Helen Carter/PERSON")); // an untagged surname of a person in the article
  }

  @Test
  public void theWatchlistNamesWhatTheTaggerFound() throws IOException {
    Gazetteer watchlist =
        Gazetteer.parse(
            new StringReader("North Korea,LOCATION,Pyongyang\nDonald Trump,PERSON,\n"), "w");
    String body = "Pyongyang said Donald Trump lied. Trump denied it.";
    EntityRecognizer tagger = tagger("Pyongyang,LOCATION,\nDonald Trump,PERSON,\n");
    assertThat(
        show(stage(RecognitionRules.defaults()).annotate(article(body), tagger), body),
        contains(
            "0:Pyongyang=Pyongyang/LOCATION", // never by default
            "0:Donald Trump=Donald Trump/PERSON",
            "1:Trump=Donald Trump/PERSON"));
    assertThat(
        show(
            stage(RecognitionRules.defaults().withGazetteer(watchlist)).annotate(article(body), tagger),
            body),
        contains(
            "0:Pyongyang=North Korea/LOCATION",
            "0:Donald Trump=Donald Trump/PERSON",
            "1:Trump=Donald Trump/PERSON"));
  }

  @Test
  public void aSurnameLinkedToAnotherPersonIsNoWatchlistAlias() throws IOException {
    Gazetteer watchlist =
        Gazetteer.parse(new StringReader("Helen Carter,PERSON,Prime Minister Helen Carter|Carter\n"), "w");
    String body = "Former President Jimmy Carter opened a library. Carter said he was proud.";
    EntityRecognizer tagger = tagger("Jimmy Carter,PERSON,\nCarter,PERSON,\n");
    assertThat(
        show(
            stage(RecognitionRules.defaults().withGazetteer(watchlist)).annotate(article(body), tagger),
            body),
        contains("0:Jimmy Carter=Jimmy Carter/PERSON", "1:Carter=Jimmy Carter/PERSON"));
    // Alone in its article, the surname is the watchlist's alias.
    String alone = "Carter said he was proud.";
    assertThat(
        show(
            stage(RecognitionRules.defaults().withGazetteer(watchlist)).annotate(article(alone), tagger),
            alone),
        contains("0:Carter=Helen Carter/PERSON"));
  }

  @Test
  public void watchlistMatchesAreTakenAsTheyAre() throws IOException {
    Gazetteer watchlist =
        Gazetteer.parse(
            new StringReader("Gerald Ford,PERSON,Gerald R. Ford\nFord Motor,ORG,Ford\n"), "w");
    String body = "Gerald R. Ford met Ford executives.";
    AnnotatedArticle a =
        stage(RecognitionRules.watchlist(watchlist))
            .annotate(article(body), new GazetteerRecognizer(watchlist));
    // No alias rule turns the company into the person.
    assertThat(
        show(a, body),
        contains(
            "0:Gerald R. Ford=Gerald Ford/PERSON", "0:Ford=Ford Motor/ORGANIZATION"));
  }
}
