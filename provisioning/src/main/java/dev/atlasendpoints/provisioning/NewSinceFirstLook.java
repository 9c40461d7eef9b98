package dev.atlasendpoints.provisioning;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Finds a resource that has no client-chosen id by listing: the first call remembers the ids that
 * exist and finds nothing; later calls find one that was not there then and matches. The limit:
 * another creator on the same parent at the same moment could make one that this mistakes for its own.
 */
final class NewSinceFirstLook<T> implements Supplier<Optional<T>> {

  private final Supplier<List<T>> list;
  private final Function<T, String> idOf;
  private final Predicate<T> matches;
  private Set<String> before;

  NewSinceFirstLook(Supplier<List<T>> list, Function<T, String> idOf, Predicate<T> matches) {
    this.list = list;
    this.idOf = idOf;
    this.matches = matches;
  }

  @Override
  public Optional<T> get() {
    List<T> now = list.get();
    if (before == null) {
      before = new HashSet<>();
      now.forEach(item -> before.add(idOf.apply(item)));
      return Optional.empty();
    }
    return now.stream().filter(item -> !before.contains(idOf.apply(item))).filter(matches).findFirst();
  }
}
