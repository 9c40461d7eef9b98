package dev.atlasendpoints.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the timers publish their distributions. Immutable; start from {@link #defaults()}.
 *
 * @param percentileHistogram whether to publish histogram buckets (for Prometheus
 *     {@code histogram_quantile}); on by default
 * @param serviceLevelObjectives extra bucket boundaries, e.g. 250 ms and 1 s
 * @param percentiles client-side percentiles to publish (e.g. 0.5, 0.99); none by default, as they
 *     cannot be aggregated across instances
 */
public record MetricsSettings(boolean percentileHistogram, List<Duration> serviceLevelObjectives,
    List<Double> percentiles) {

  public MetricsSettings {
    serviceLevelObjectives = List.copyOf(Objects.requireNonNull(serviceLevelObjectives, "serviceLevelObjectives"));
    percentiles = List.copyOf(Objects.requireNonNull(percentiles, "percentiles"));
    if (percentiles.stream().anyMatch(p -> p <= 0 || p >= 1)) {
      throw new IllegalArgumentException("percentiles lie strictly between 0 and 1");
    }
  }

  public static MetricsSettings defaults() {
    return new MetricsSettings(true, List.of(), List.of());
  }

  public static Builder builder() {
    return defaults().toBuilder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link MetricsSettings}; unset values keep their defaults. */
  public static final class Builder {
    private boolean percentileHistogram;
    private List<Duration> serviceLevelObjectives;
    private List<Double> percentiles;

    private Builder(MetricsSettings from) {
      percentileHistogram = from.percentileHistogram;
      serviceLevelObjectives = from.serviceLevelObjectives;
      percentiles = from.percentiles;
    }

    public Builder percentileHistogram(boolean publish) {
      this.percentileHistogram = publish;
      return this;
    }

    public Builder serviceLevelObjectives(Duration... boundaries) {
      this.serviceLevelObjectives = List.of(boundaries);
      return this;
    }

    public Builder percentiles(Double... percentiles) {
      this.percentiles = List.of(percentiles);
      return this;
    }

    public MetricsSettings build() {
      return new MetricsSettings(percentileHistogram, serviceLevelObjectives, percentiles);
    }
  }
}
