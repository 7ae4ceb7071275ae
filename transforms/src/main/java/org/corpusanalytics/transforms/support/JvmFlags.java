package org.corpusanalytics.transforms.support;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/** This JVM's HotSpot flags, for the choices that depend on how the JIT was set up. */
public final class JvmFlags {
  private JvmFlags() {}

  /** The flag named {@code name}; empty on a JVM that is not HotSpot or has no such flag. */
  public static Optional<VMOption> option(String name) {
    try {
      HotSpotDiagnosticMXBean hotspot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return hotspot == null ? Optional.empty() : Optional.of(hotspot.getVMOption(name));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /**
   * True when the flag has its default value: no option, file or environment variable set it.
   * False for a flag this JVM does not have.
   */
  public static boolean atDefault(String name) {
    return option(name).map(JvmFlags::isDefault).orElse(false);
  }

  /** True when {@code option} has its default value. */
  public static boolean isDefault(VMOption option) {
    return option.getOrigin() == VMOption.Origin.DEFAULT;
  }
}
