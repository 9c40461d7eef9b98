package dev.atlasendpoints.simulator;

import java.util.Locale;
import java.util.Map;

/**
 * Region names as Atlas answers them: requests take the cloud's style, answers give Atlas's. AWS
 * names only change case ({@code us-east-1} → {@code US_EAST_1}); GCP and Azure regions have names
 * of Atlas's own ({@code us-central1} → {@code CENTRAL_US}), so a client that resolves a create by
 * comparing regions cannot get by with case folding. The table holds the common ones; others fold.
 */
final class RegionNames {

  private static final Map<String, String> ATLAS_NAMES = Map.ofEntries(
      Map.entry("us-central1", "CENTRAL_US"), Map.entry("us-east1", "EASTERN_US"), Map.entry("us-east4", "US_EAST_4"),
      Map.entry("us-west1", "WESTERN_US"), Map.entry("europe-west1", "WESTERN_EUROPE"),
      Map.entry("eastus", "US_EAST"), Map.entry("eastus2", "US_EAST_2"), Map.entry("westus", "US_WEST"),
      Map.entry("westeurope", "EUROPE_WEST"), Map.entry("northeurope", "EUROPE_NORTH"));

  private RegionNames() {}

  /** The name Atlas answers with for a region named in a request. */
  static String atlasStyle(String region) {
    String trimmed = region.trim();
    String named = ATLAS_NAMES.get(trimmed.toLowerCase(Locale.ROOT));
    return named != null ? named : trimmed.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
