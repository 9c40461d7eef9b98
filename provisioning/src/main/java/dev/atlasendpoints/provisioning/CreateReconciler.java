package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The loop behind every ensure: read; if absent, create; whatever went wrong on the way, read again
 * before creating again. Safe because {@link #find} identifies the resource by a natural key.
 * CREATED when this loop's own create made it (answered, or found after an ambiguous create or a
 * 409 that followed one); ADOPTED when it was there before this loop created anything. After a
 * create that may have acted, or a 409, it reads back with backoff until {@code notFoundGrace} has
 * passed (a new resource can stay invisible that long) before it creates again; for kinds found by
 * listing it never creates again after an ambiguous create: {@link AtlasUnresolvedCreateException}.
 */
final class CreateReconciler<T> {

  private static final System.Logger LOG = System.getLogger(CreateReconciler.class.getName());
  private static final Duration MIN_READ_BACK_PAUSE = Duration.ofMillis(10);

  private final Supplier<Optional<T>> find;
  private final Supplier<T> create;
  private final Function<T, ResourceRef> refOf;
  private final ProvisioningSettings settings;
  private final Sleeper sleeper;
  private final ProvisioningListener listener;
  private final boolean findSeesExisting;
  private final Clock clock;
  private final String requested;

  /**
   * @param findSeesExisting whether {@code find} can see a resource that existed before (a natural
   *     key); when not (resolved by listing), a 409 that did not follow our own create is final
   */
  CreateReconciler(Supplier<Optional<T>> find, Supplier<T> create, Function<T, ResourceRef> refOf,
      ProvisioningSettings settings, Sleeper sleeper, ProvisioningListener listener, boolean findSeesExisting,
      Clock clock, String requested) {
    this.clock = clock;
    this.requested = requested;
    this.find = find;
    this.create = create;
    this.refOf = refOf;
    this.settings = settings;
    this.sleeper = sleeper;
    this.listener = listener;
    this.findSeesExisting = findSeesExisting;
  }

  Ensured<T> ensure() {
    boolean mayHaveCreated = false;
    // Set when a create may have acted or answered 409: read back until then before creating again.
    Instant readBackUntil = null;
    AtlasException last = null;
    for (int attempt = 1; attempt <= settings.maxCreateAttempts(); attempt++) {
      Optional<T> existing;
      if (readBackUntil != null) {
        existing = readBack(readBackUntil, last, mayHaveCreated);
        readBackUntil = null;
        if (existing.isEmpty() && mayHaveCreated && !findSeesExisting) {
          throw new AtlasUnresolvedCreateException(requested, last);
        }
      } else {
        if (attempt > 1) {
          pause(settings.createRetryBackoff(), mayHaveCreated);
        }
        try {
          existing = find.get();
        } catch (AtlasException failure) {
          last = rethrowUnlessTransient(failure);
          continue;
        }
      }
      if (existing.isPresent()) {
        return settled(existing.get(), mayHaveCreated ? Outcome.CREATED : Outcome.ADOPTED);
      }
      T made;
      try {
        made = create.get();
      } catch (AtlasException failure) {
        FailureKind kind = FailureKind.of(failure);
        if (kind == FailureKind.FINAL || (kind == FailureKind.EXISTS && !findSeesExisting && !mayHaveCreated)) {
          throw failure;
        }
        // A 409 after our own create may have acted is our resource; after none it is someone else's.
        mayHaveCreated |= kind == FailureKind.MAY_HAVE_ACTED;
        if (kind != FailureKind.NOT_ACTED) {
          readBackUntil = clock.instant().plus(settings.notFoundGrace());
        }
        last = failure;
        continue;
      }
      return settled(made, Outcome.CREATED);
    }
    return readBackOrThrow(last, mayHaveCreated, readBackUntil);
  }

  /**
   * Out of attempts. When a create of this ensure may have acted, or the last one answered 409, read
   * back (until the grace ends) so that an ambiguous outcome reaches the caller only when that fails.
   */
  private Ensured<T> readBackOrThrow(AtlasException last, boolean mayHaveCreated, Instant readBackUntil) {
    if (readBackUntil != null || mayHaveCreated) {
      Instant until = readBackUntil != null ? readBackUntil : clock.instant();
      Optional<T> existing;
      try {
        existing = readBack(until, last, mayHaveCreated);
      } catch (AtlasException readFailed) {
        if (readFailed != last) {
          last.addSuppressed(readFailed);
        }
        throw last;
      }
      if (existing.isPresent()) {
        return settled(existing.get(), mayHaveCreated ? Outcome.CREATED : Outcome.ADOPTED);
      }
      if (mayHaveCreated && !findSeesExisting) {
        throw new AtlasUnresolvedCreateException(requested, last);
      }
    }
    throw last;
  }

  /**
   * Reads until the resource is found or {@code until} passes (the last read falls on it), with a
   * pause that doubles from {@code createRetryBackoff} up to {@code pollMaxInterval}. A read failing
   * transiently is one more miss; any other failure reaches the caller.
   */
  private Optional<T> readBack(Instant until, AtlasException last, boolean mayHaveCreated) {
    Duration pause = settings.createRetryBackoff().compareTo(MIN_READ_BACK_PAUSE) < 0 ? MIN_READ_BACK_PAUSE
        : settings.createRetryBackoff();
    for (boolean first = true; ; first = false) {
      if (first) {
        // As before any retry: give the failed call's effects (and the connection) a moment first.
        pause(settings.createRetryBackoff(), mayHaveCreated);
      }
      try {
        Optional<T> found = find.get();
        if (found.isPresent()) {
          return found;
        }
      } catch (AtlasException failure) {
        if (!FailureKind.of(failure).transientForRead()) {
          if (last != null && last != failure) {
            failure.addSuppressed(last);
          }
          throw failure;
        }
      }
      Duration left = Duration.between(clock.instant(), until);
      if (left.isNegative() || left.isZero()) {
        return Optional.empty();
      }
      pause(pause.compareTo(left) < 0 ? pause : left, mayHaveCreated);
      Duration doubled = pause.multipliedBy(2);
      pause = doubled.compareTo(settings.pollMaxInterval()) < 0 ? doubled : settings.pollMaxInterval();
    }
  }

  private AtlasException rethrowUnlessTransient(AtlasException failure) {
    if (!FailureKind.of(failure).transientForRead()) {
      throw failure;
    }
    return failure;
  }

  private Ensured<T> settled(T resource, Outcome outcome) {
    ResourceRef ref = refOf.apply(resource);
    try {
      if (outcome == Outcome.CREATED) {
        listener.onCreated(ref);
      } else {
        listener.onAdopted(ref);
      }
    } catch (RuntimeException listenerFailed) {
      // A listener must never break the call: the resource exists either way.
      LOG.log(System.Logger.Level.WARNING, "ProvisioningListener failed on a " + ref.kind() + " "
          + outcome.name().toLowerCase(java.util.Locale.ROOT) + ": " + listenerFailed.getClass().getName());
    }
    return new Ensured<>(resource, outcome, ref);
  }

  private void pause(Duration duration, boolean mayHaveCreated) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtlasInterruptedException(null, "settling a create", mayHaveCreated);
    }
  }
}
