package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The project version and git commit this code was built from. Maven fills
 * {@code corpus-analytics-build.properties} at build time (see pipelines/pom.xml); the version
 * prefers the jar manifest's {@code Implementation-Version}. Unknown values read "unknown".
 */
final class BuildInfo {
  static final String RESOURCE = "/corpus-analytics-build.properties";
  static final String UNKNOWN = "unknown";

  private final String version;
  private final String gitCommit;

  private BuildInfo(String version, String gitCommit) {
    this.version = version;
    this.gitCommit = gitCommit;
  }

  static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Leave the values unknown.
    }
    String version = BuildInfo.class.getPackage().getImplementationVersion();
    if (version == null || version.isBlank()) {
      version = clean(p.getProperty("version"));
    }
    return new BuildInfo(version, clean(p.getProperty("git.commit")));
  }

  /** An unfiltered placeholder such as {@code ${git.commit}} or an empty value is unknown. */
  private static String clean(String value) {
    if (value == null || value.isBlank() || value.contains("${")) {
      return UNKNOWN;
    }
    return value.trim();
  }

  String version() {
    return version;
  }

  String gitCommit() {
    return gitCommit;
  }
}
