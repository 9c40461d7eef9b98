package dev.atlasendpoints.simulator;

import java.util.Locale;

/** Region names as Atlas answers them: requests take the cloud's style, answers give Atlas's. */
final class RegionNames {

  private RegionNames() {}

  /** Atlas style region names: {@code us-east-1} becomes {@code US_EAST_1}. */
  static String atlasStyle(String region) {
    return region.trim().toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
