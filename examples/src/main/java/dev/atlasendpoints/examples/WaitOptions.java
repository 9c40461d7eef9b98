package dev.atlasendpoints.examples;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.provisioning.Durations;
import dev.atlasendpoints.provisioning.Provisioner;
import dev.atlasendpoints.provisioning.ResourceRef;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --wait} and {@code --timeout} of the create commands: after the create, poll until the
 * resource is usable, printing one line per status change. A FAILED or REJECTED end exits 1, the
 * time running out exits 4 ({@link FailureReporter} maps the provisioning exceptions).
 */
final class WaitOptions {

  @Option(names = "--wait", description = "After the create, wait until the resource is usable.")
  boolean wait;

  @Option(names = "--timeout", defaultValue = "1h", converter = DurationConverter.class,
      description = "With --wait: how long to wait, e.g. 90s, 30m, 2h (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /** The created resource, or with {@code --wait} the resource as last read once usable. */
  Object thenAwait(AtlasClient client, Object created, ResourceRef ref, PrintWriter progressOut) {
    if (!wait) {
      return created;
    }
    try (ProgressLine progress = new ProgressLine(progressOut, onTerminal())) {
      return Provisioner.of(client).awaitAvailable(ref, timeout, progress::show).body();
    }
  }

  /**
   * Whether to rewrite one status line in place. System.console() only says stdin and stdout are a
   * terminal (stderr may be redirected); a TERM that is set and not "dumb" makes escape codes likelier
   * to land on one.
   */
  static boolean onTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.isBlank() && !"dumb".equals(term);
  }

  /** Reads {@code 90s}, {@code 30m}, {@code 2h}; picocli turns a refusal into a usage error. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }
}
