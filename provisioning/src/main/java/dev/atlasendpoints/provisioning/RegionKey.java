package dev.atlasendpoints.provisioning;

import java.util.Locale;
import java.util.Map;

/**
 * A region as the natural key of an endpoint service: requests take the cloud's name
 * ({@code us-east-1}), answers give Atlas's ({@code US_EAST_1}); both normalise to one key. GCP's
 * names differ more ({@code us-central1} comes back {@code CENTRAL_US}): the ones below are mapped,
 * as are Azure's ({@code eastus2} comes back {@code US_EAST_2}); others compare by the plain upper-case form.
 */
final class RegionKey {

  private static final Map<String, String> GCP_TO_ATLAS = Map.ofEntries(
      Map.entry("US_CENTRAL1", "CENTRAL_US"), Map.entry("US_EAST1", "EASTERN_US"),
      Map.entry("US_EAST4", "US_EAST_4"), Map.entry("US_WEST1", "WESTERN_US"),
      Map.entry("US_WEST2", "US_WEST_2"), Map.entry("EUROPE_WEST1", "WESTERN_EUROPE"),
      Map.entry("EUROPE_WEST2", "EUROPE_WEST_2"), Map.entry("EUROPE_WEST3", "EUROPE_WEST_3"),
      Map.entry("ASIA_EAST1", "EASTERN_ASIA_PACIFIC"), Map.entry("ASIA_NORTHEAST1", "NORTHEASTERN_ASIA_PACIFIC"),
      Map.entry("ASIA_SOUTHEAST1", "SOUTHEASTERN_ASIA_PACIFIC"));

  // Azure's names carry no separators ({@code eastus2}); Atlas answers US_EAST_2.
  private static final Map<String, String> AZURE_TO_ATLAS = Map.ofEntries(
      Map.entry("EASTUS", "US_EAST"), Map.entry("EASTUS2", "US_EAST_2"), Map.entry("WESTUS", "US_WEST"),
      Map.entry("WESTUS2", "US_WEST_2"), Map.entry("WESTUS3", "US_WEST_3"), Map.entry("CENTRALUS", "US_CENTRAL"),
      Map.entry("NORTHCENTRALUS", "US_NORTH_CENTRAL"), Map.entry("SOUTHCENTRALUS", "US_SOUTH_CENTRAL"),
      Map.entry("WESTEUROPE", "EUROPE_WEST"), Map.entry("NORTHEUROPE", "EUROPE_NORTH"),
      Map.entry("UKSOUTH", "UK_SOUTH"));

  private RegionKey() {}

  static String of(String region) {
    String upper = region.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    String gcp = GCP_TO_ATLAS.get(upper);
    return gcp != null ? gcp : AZURE_TO_ATLAS.getOrDefault(upper, upper);
  }

  static boolean same(String requested, String answered) {
    return answered != null && of(requested).equals(of(answered));
  }
}
