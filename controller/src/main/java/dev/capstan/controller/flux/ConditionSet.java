package dev.capstan.controller.flux;

import dev.capstan.controller.api.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conditions of one Flux object being finalized, as Flux's {@code runtime/conditions}: setting
 * a condition keeps its {@code lastTransitionTime} when its status did not change; the list is
 * written in the order Ready, Reconciling, Stalled, then the rest as first set. Not thread-safe.
 */
final class ConditionSet {

  static final String READY = "Ready";
  static final String RECONCILING = "Reconciling";
  static final String STALLED = "Stalled";
  static final String HEALTHY = "Healthy";
  static final String FETCH_FAILED = "FetchFailed";

  private final List<Condition> conditions;
  private final long generation;
  private final Clock clock;

  ConditionSet(List<Condition> existing, long generation, Clock clock) {
    this.conditions = new ArrayList<>(existing);
    this.generation = generation;
    this.clock = clock;
  }

  ConditionSet set(String type, String status, String reason, String message) {
    Optional<Condition> old = get(type);
    String since =
        old.filter(c -> c.status().equals(status))
            .map(Condition::lastTransitionTime)
            .filter(t -> !t.isEmpty())
            .orElse(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    Condition c = new Condition(type, status, generation, since, reason, truncate(message));
    int i = indexOf(type);
    if (i >= 0) {
      conditions.set(i, c);
    } else {
      conditions.add(c);
    }
    return this;
  }

  ConditionSet setTrue(String type, String reason, String message) {
    return set(type, Condition.TRUE, reason, message);
  }

  ConditionSet setFalse(String type, String reason, String message) {
    return set(type, Condition.FALSE, reason, message);
  }

  ConditionSet setUnknown(String type, String reason, String message) {
    return set(type, Condition.UNKNOWN, reason, message);
  }

  ConditionSet remove(String type) {
    int i = indexOf(type);
    if (i >= 0) {
      conditions.remove(i);
    }
    return this;
  }

  Optional<Condition> get(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  List<Condition> list() {
    List<Condition> out = new ArrayList<>();
    for (String type : List.of(READY, RECONCILING, STALLED)) {
      get(type).ifPresent(out::add);
    }
    conditions.stream()
        .filter(c -> !List.of(READY, RECONCILING, STALLED).contains(c.type()))
        .forEach(out::add);
    return out;
  }

  private int indexOf(String type) {
    for (int i = 0; i < conditions.size(); i++) {
      if (conditions.get(i).type().equals(type)) {
        return i;
      }
    }
    return -1;
  }

  private static String truncate(String message) {
    // the API server limits a condition message to 32768 bytes
    return message.length() > 4000 ? message.substring(0, 4000) + "..." : message;
  }
}
