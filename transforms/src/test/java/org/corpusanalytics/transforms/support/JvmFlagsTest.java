package org.corpusanalytics.transforms.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.Test;

public class JvmFlagsTest {
  @Test
  public void flagsSetOnTheCommandLineAreNotAtTheirDefaults() {
    // The tests' JVMs get these from the build (surefire's argLine).
    assertThat(JvmFlags.option("MaxInlineSize").get().getValue(), equalTo("10"));
    assertThat(JvmFlags.atDefault("MaxInlineSize"), equalTo(false));
    assertThat(JvmFlags.atDefault("DontCompileHugeMethods"), equalTo(false));
  }

  @Test
  public void flagsNobodySetAreAtTheirDefaultsAndUnknownOnesAreNot() {
    assertThat(JvmFlags.atDefault("PrintCompilation"), equalTo(true));
    assertThat(JvmFlags.option("NoSuchFlagAnywhere").isPresent(), equalTo(false));
    assertThat(JvmFlags.atDefault("NoSuchFlagAnywhere"), equalTo(false));
  }
}
