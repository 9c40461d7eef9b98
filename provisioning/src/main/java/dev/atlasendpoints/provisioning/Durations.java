package dev.atlasendpoints.provisioning;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1500ms}. */
public final class Durations {

  private static final Pattern TEXT = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /** Parses {@code 90s}, {@code 30m}, {@code 2h} or {@code 1500ms}; anything else is refused. */
  public static Duration parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 90s, 30m or 2h)");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** {@code 4.2s}, {@code 3m07s}: short enough for a progress line. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long seconds = duration.toSeconds();
    return seconds < 3600 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
        : String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }
}
