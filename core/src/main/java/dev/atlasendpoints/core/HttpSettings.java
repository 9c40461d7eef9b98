package dev.atlasendpoints.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client talks HTTP. Immutable; start from {@link #defaults()}.
 *
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for a whole answer, headers and body, from the moment the
 *     request is sent; past it the outcome is ambiguous (the default transport normally ends such a
 *     call within 100 ms plus a tenth of the timeout, but no less than 10 and no more than 200 ms,
 *     after it)
 * @param maxResponseBytes the largest answer body read; larger ones are refused
 * @param allowInsecureHttp whether {@code http://} is allowed to hosts other than loopback
 * @param userAgentSuffix appended to the SDK's {@code User-Agent}, e.g. your application's name
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, long maxResponseBytes,
    boolean allowInsecureHttp, String userAgentSuffix) {

  /** The longest timeout accepted: longer ones are mistakes, and overflow deadline arithmetic. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(24);
  /** The largest answer accepted: answers are read into one array. */
  public static final long MAX_RESPONSE_BYTES = 256L << 20;

  public HttpSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (connectTimeout.compareTo(MAX_TIMEOUT) > 0 || readTimeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeouts must be at most " + MAX_TIMEOUT.toHours() + " hours");
    }
    if (maxResponseBytes < 1024 || maxResponseBytes > MAX_RESPONSE_BYTES) {
      throw new IllegalArgumentException("maxResponseBytes must be between 1024 and " + MAX_RESPONSE_BYTES
          + " (answers are read into memory)");
    }
    userAgentSuffix = userAgentSuffix == null ? "" : userAgentSuffix;
  }

  /** Connect within 10 s, answer within 60 s, bodies up to 1 MiB, HTTPS except to loopback. */
  public static HttpSettings defaults() {
    return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 1 << 20, false, "");
  }

  public static Builder builder() {
    return defaults().toBuilder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link HttpSettings}; unset values keep their defaults. */
  public static final class Builder {
    private Duration connectTimeout;
    private Duration readTimeout;
    private long maxResponseBytes;
    private boolean allowInsecureHttp;
    private String userAgentSuffix;

    private Builder(HttpSettings from) {
      this.connectTimeout = from.connectTimeout;
      this.readTimeout = from.readTimeout;
      this.maxResponseBytes = from.maxResponseBytes;
      this.allowInsecureHttp = from.allowInsecureHttp;
      this.userAgentSuffix = from.userAgentSuffix;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    public Builder maxResponseBytes(long bytes) {
      this.maxResponseBytes = bytes;
      return this;
    }

    /** Allows plain {@code http://} to any host: credentials and data then travel unencrypted. */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = suffix;
      return this;
    }

    public HttpSettings build() {
      return new HttpSettings(connectTimeout, readTimeout, maxResponseBytes, allowInsecureHttp, userAgentSuffix);
    }
  }
}
