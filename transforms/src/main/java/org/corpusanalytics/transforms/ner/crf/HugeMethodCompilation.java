package org.corpusanalytics.transforms.ner.crf;

import com.sun.management.VMOption;
import java.util.Optional;
import org.corpusanalytics.transforms.support.JvmFlags;

/**
 * Whether this JVM compiles CoreNLP's CRF feature extractor.
 *
 * <p>The extractor ({@code NERFeatureFactory.featuresC}) is one method of about 10,000 bytes of
 * bytecode. HotSpot's JIT skips methods above 8,000 bytes unless {@value #ENABLING_OPTION} is
 * given, so by default every token's features are computed in the interpreter and the tagger runs
 * 1.3 to 1.9 times slower than with the option (see BENCHMARKS.md). The option changes no
 * result: the same code runs, compiled.
 */
public final class HugeMethodCompilation {
  /** The JVM option that lets HotSpot compile the extractor. */
  public static final String ENABLING_OPTION = "-XX:-DontCompileHugeMethods";

  private static final String FLAG = "DontCompileHugeMethods";

  private HugeMethodCompilation() {}

  /**
   * True when this JVM leaves huge methods to the interpreter because nobody chose otherwise: the
   * flag is on by default. False when it was set either way on the command line (a user's choice
   * is kept) and on JVMs without the flag.
   */
  public static boolean skippedByDefault() {
    return flag()
        .map(f -> Boolean.parseBoolean(f.getValue()) && JvmFlags.isDefault(f))
        .orElse(false);
  }

  /** True when this JVM compiles huge methods. */
  public static boolean enabled() {
    return flag().map(f -> !Boolean.parseBoolean(f.getValue())).orElse(false);
  }

  private static Optional<VMOption> flag() {
    return JvmFlags.option(FLAG);
  }
}
