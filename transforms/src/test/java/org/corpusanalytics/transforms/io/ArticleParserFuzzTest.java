package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.io.Compression;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.RejectedRecord;
import org.junit.Test;

/**
 * Feeds random and mutated bytes to {@link ArticleParser} in every format. Whatever the bytes, no
 * exception escapes, every record read is either an article or a rejection ({@code read = processed +
 * rejected}), rejections carry a known reason, a message and a short excerpt, and articles have a
 * body within the limit. Seeds are fixed; each test stops after its case count or its time budget,
 * whichever comes first.
 */
public class ArticleParserFuzzTest {
  private static final long BUDGET_NANOS = 2_000_000_000L;
  private static final int CASES = 400;
  private static final Set<String> REASONS = reasonCodes();
  private static final byte[] STRUCTURE = "{}[]\",:\\\n\r\t ='+-@0aZ\u00e9".getBytes(StandardCharsets.UTF_8);

  private static final String JSONL_SEED =
      "{\"id\":\"a1\",\"title\":\"One\",\"body\":\"Anna Berg met Carl Dahl in Oslo.\",\"published\":\"2024-01-02\"}\n"
          + "{\"id\":\"a2\",\"body\":\"Second \\u00e9 \\\"quoted\\\" body.\",\"source\":\"Wire\",\"url\":\"http://x\"}\n"
          + "\n"
          + "{\"id\":3,\"body\":\"Numeric id.\",\"published\":{\"not\":\"a date\"}}\n"
          + "[\"not\", \"an\", \"object\"]\n"
          + "{\"id\":\"a5\",\"body\":null}\n";
  private static final String CSV_SEED =
      "id,title,body,published,source\n"
          + "c1,One,\"Anna Berg met Carl Dahl in Oslo.\",2024-01-02,Wire\n"
          + "c2,\"Two, with comma\",\"A body\nover two lines with \"\"quotes\"\".\",,\n"
          + "c3,Three,Plain body.,not a date,Post\n"
          + "c4,Short row\n";
  private static final String TEXT_SEED =
      "Headline\r\n\r\nAnna Berg met Carl Dahl in Oslo. \"Quoted,\" she said.\n\u00e9\u00e8 \uD83D\uDE00 end.";

  private static final List<String> NAMES =
      List.of("f.jsonl", "f.csv", "f.txt", "f.ndjson", "f.json", "f.bin");

  @Test
  public void randomBytesInEveryFormat() {
    Random random = new Random(20240501L);
    long deadline = System.nanoTime() + BUDGET_NANOS;
    int cases = 0;
    for (; cases < CASES && System.nanoTime() < deadline; cases++) {
      byte[] bytes = randomBytes(random);
      for (InputFormat format : formats()) {
        check(parser(format, random), name(random), bytes, "random #" + cases);
      }
    }
    assertThat(cases, greaterThan(5));
  }

  @Test
  public void mutatedValidFilesInEveryFormat() {
    Random random = new Random(7L);
    long deadline = System.nanoTime() + BUDGET_NANOS;
    int cases = 0;
    List<byte[]> seeds =
        List.of(
            JSONL_SEED.getBytes(StandardCharsets.UTF_8),
            CSV_SEED.getBytes(StandardCharsets.UTF_8),
            TEXT_SEED.getBytes(StandardCharsets.UTF_8));
    for (; cases < CASES && System.nanoTime() < deadline; cases++) {
      byte[] seed = seeds.get(cases % seeds.size());
      byte[] bytes = mutate(seed, random, 1 + random.nextInt(8));
      for (InputFormat format : formats()) {
        check(parser(format, random), NAMES.get(cases % 3), bytes, "mutation #" + cases);
      }
    }
    assertThat(cases, greaterThan(5));
  }

  @Test
  public void mutatedCompressedFilesAsBeamDecompressesThem() throws IOException {
    Random random = new Random(99L);
    long deadline = System.nanoTime() + BUDGET_NANOS;
    int cases = 0;
    byte[] jsonl = JSONL_SEED.repeat(20).getBytes(StandardCharsets.UTF_8);
    byte[] csv = (CSV_SEED + CSV_SEED.substring(CSV_SEED.indexOf('\n') + 1).repeat(20))
        .getBytes(StandardCharsets.UTF_8);
    for (; cases < CASES / 4 && System.nanoTime() < deadline; cases++) {
      Compression compression =
          List.of(Compression.GZIP, Compression.BZIP2, Compression.ZSTD).get(cases % 3);
      boolean isCsv = random.nextBoolean();
      byte[] compressed = compress(isCsv ? csv : jsonl, compression);
      byte[] bytes =
          random.nextInt(4) == 0
              ? Arrays.copyOf(compressed, random.nextInt(compressed.length + 1)) // truncated
              : mutate(compressed, random, 1 + random.nextInt(4));
      String name = (isCsv ? "f.csv" : "f.jsonl") + compression.getSuggestedSuffix();
      InputStream in;
      try {
        in = Channels.newInputStream(
            compression.readDecompressed(Channels.newChannel(new ByteArrayInputStream(bytes))));
      } catch (IOException e) {
        continue; // Beam fails to open it: ParseFileFn reports that as read_error, not the parser
      }
      check(parser(null, random), name, in, bytes, "compressed #" + cases);
    }
    assertThat(cases, greaterThan(5));
  }

  @Test
  public void streamsThatFailOrTrickleAnywhere() {
    Random random = new Random(3L);
    long deadline = System.nanoTime() + BUDGET_NANOS;
    int cases = 0;
    for (; cases < CASES && System.nanoTime() < deadline; cases++) {
      byte[] seed =
          List.of(JSONL_SEED, CSV_SEED, TEXT_SEED).get(cases % 3).repeat(1 + random.nextInt(40))
              .getBytes(StandardCharsets.UTF_8);
      int failAt = random.nextInt(seed.length + 1);
      RuntimeException unchecked = random.nextBoolean() ? new IllegalStateException("boom") : null;
      InputStream in = new HostileStream(seed, failAt, unchecked, random.nextLong());
      check(parser(null, random), NAMES.get(cases % 3), in, seed, "failing stream #" + cases);
    }
    assertThat(cases, greaterThan(5));
  }

  private static void check(ArticleParser parser, String name, byte[] bytes, String what) {
    check(parser, name, new ByteArrayInputStream(bytes), bytes, what);
  }

  private static void check(
      ArticleParser parser, String name, InputStream in, byte[] bytes, String what) {
    try {
      ParseResult r = ParseResult.parse(parser, "/fuzz/" + name, in);
      assertThat("records read", r.counts.read(), greaterThanOrEqualTo(0L));
      for (RejectedRecord e : r.rejections) {
        assertThat(e.reason(), REASONS.contains(e.reason()), is(true));
        assertThat(e.message(), not(emptyString()));
        assertThat(e.record(), greaterThanOrEqualTo(0L));
        if (e.excerpt() != null) {
          assertThat(e.excerpt().length(), lessThanOrEqualTo(RejectedRecord.MAX_EXCERPT_CHARS));
        }
      }
      for (Article a : r.articles) {
        assertThat(RecordEmitter.isBlank(a.body()), is(false));
        assertThat(a.id(), not(emptyString()));
      }
    } catch (RuntimeException | AssertionError e) {
      String input = Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, Math.min(bytes.length, 2000)));
      throw new AssertionError(what + " as " + name + " failed on (base64) " + input, e);
    }
  }

  private static InputFormat[] formats() {
    return new InputFormat[] {null, InputFormat.TEXT, InputFormat.JSONL, InputFormat.CSV};
  }

  private static ArticleParser parser(InputFormat format, Random random) {
    // Small limits half of the time, so that the size checks are exercised too.
    int maxChars = random.nextBoolean() ? 1 + random.nextInt(80) : ArticleParser.DEFAULT_MAX_ARTICLE_CHARS;
    return new ArticleParser(format, FieldMap.identity(), DateParser.isoOnly(), maxChars);
  }

  private static String name(Random random) {
    return NAMES.get(random.nextInt(NAMES.size()));
  }

  private static byte[] randomBytes(Random random) {
    int length = random.nextInt(10) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 64 : 4096);
    byte[] bytes = new byte[length];
    switch (random.nextInt(3)) {
      case 0 -> random.nextBytes(bytes);
      case 1 -> { // text-like: mostly structural characters, no NUL
        for (int i = 0; i < length; i++) {
          bytes[i] = STRUCTURE[random.nextInt(STRUCTURE.length)];
        }
      }
      default -> { // printable ASCII with some high bytes
        for (int i = 0; i < length; i++) {
          bytes[i] = (byte) (random.nextInt(20) == 0 ? 0x80 + random.nextInt(128) : 32 + random.nextInt(95));
        }
      }
    }
    return bytes;
  }

  /** Applies {@code n} random edits: flips, inserts, deletes, duplicated or cut chunks. */
  static byte[] mutate(byte[] seed, Random random, int n) {
    byte[] b = seed.clone();
    for (int k = 0; k < n; k++) {
      int at = b.length == 0 ? 0 : random.nextInt(b.length);
      switch (random.nextInt(7)) {
        case 0 -> {
          if (b.length > 0) {
            b[at] ^= (byte) (1 << random.nextInt(8));
          }
        }
        case 1 -> b = insert(b, at, new byte[] {STRUCTURE[random.nextInt(STRUCTURE.length)]});
        case 2 -> b = insert(b, at, new byte[] {(byte) random.nextInt(256)});
        case 3 -> {
          if (b.length > 0) {
            int len = 1 + random.nextInt(Math.min(16, b.length - at));
            byte[] out = new byte[b.length - len];
            System.arraycopy(b, 0, out, 0, at);
            System.arraycopy(b, at + len, out, at, b.length - at - len);
            b = out;
          }
        }
        case 4 -> {
          if (b.length > 0) {
            int len = 1 + random.nextInt(Math.min(64, b.length - at));
            b = insert(b, random.nextInt(b.length + 1), Arrays.copyOfRange(b, at, at + len));
          }
        }
        case 5 -> b = Arrays.copyOf(b, at); // cut the tail
        default -> b = insert(b, at, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a BOM
      }
    }
    return b;
  }

  private static byte[] insert(byte[] b, int at, byte[] what) {
    byte[] out = new byte[b.length + what.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(b, at, out, at + what.length, b.length - at);
    return out;
  }

  static byte[] compress(byte[] data, Compression compression) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out =
        switch (compression) {
          case GZIP -> new GZIPOutputStream(bytes);
          case BZIP2 -> new BZip2CompressorOutputStream(bytes);
          case ZSTD -> new ZstdOutputStream(bytes);
          default -> throw new IllegalArgumentException(compression.toString());
        }) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static Set<String> reasonCodes() {
    Set<String> codes = new HashSet<>();
    for (Field f : RejectReason.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          codes.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return codes;
  }

  /** Returns data in random short reads (zero-length ones too), then fails at {@code failAt}. */
  private static final class HostileStream extends InputStream {
    private final byte[] data;
    private final int failAt;
    private final RuntimeException unchecked;
    private final Random random;
    private int position;

    HostileStream(byte[] data, int failAt, RuntimeException unchecked, long seed) {
      this.data = data;
      this.failAt = failAt;
      this.unchecked = unchecked;
      this.random = new Random(seed);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n;
      while ((n = read(one, 0, 1)) == 0) {}
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= failAt && failAt < data.length) {
        if (unchecked != null) {
          throw unchecked;
        }
        throw new IOException("the disk went away at byte " + position);
      }
      if (position >= data.length) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n = Math.min(Math.min(len, random.nextInt(300)), Math.min(data.length, failAt) - position);
      if (n <= 0 && position < Math.min(data.length, failAt)) {
        n = random.nextInt(3) == 0 ? 0 : 1;
      }
      System.arraycopy(data, position, b, off, n);
      position += n;
      return n;
    }
  }
}
