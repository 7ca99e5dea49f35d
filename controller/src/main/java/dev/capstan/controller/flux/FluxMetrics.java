package dev.capstan.controller.flux;

import dev.capstan.controller.api.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flux's controller metrics, under Flux's names so existing dashboards work: {@code
 * gotk_reconcile_duration_seconds} (histogram; kind, name, namespace), {@code
 * gotk_reconcile_condition} (1 for the current status of Ready, Reconciling, Stalled and Healthy, 0
 * for the others; status {@code Deleted} once the object is gone) and {@code gotk_suspend_status}.
 * Conditions are read from informer events, so they cost no extra request. Thread-safe.
 */
final class FluxMetrics {

  private static final List<String> TYPES = List.of("Ready", "Reconciling", "Stalled", "Healthy");
  private static final List<String> STATUSES =
      List.of(Condition.TRUE, Condition.FALSE, Condition.UNKNOWN, "Deleted");

  private static final Duration[] BUCKETS = buckets();

  private final MeterRegistry registry;
  private final Map<Tags, AtomicInteger> gauges = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  FluxMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void reconciled(String kind, ObjectKey key, Duration took) {
    timers
        .computeIfAbsent(
            kind + "/" + key,
            k ->
                Timer.builder("gotk.reconcile.duration")
                    .description("How long a reconcile took")
                    .tags("kind", kind, "name", key.name(), "namespace", key.namespace())
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry))
        .record(took);
  }

  /**
   * Flux's ten buckets of {@code gotk_reconcile_duration_seconds}, spread exponentially from 10 ms
   * to 30 minutes (Prometheus' {@code ExponentialBucketsRange(0.01, 1800, 10)}), rather than
   * Micrometer's percentile histogram of some 70 buckets: one histogram per object adds up with
   * thousands of objects.
   */
  private static Duration[] buckets() {
    int count = 10;
    double min = 0.01;
    double factor = Math.pow(1800 / min, 1.0 / (count - 1));
    Duration[] out = new Duration[count];
    for (int i = 0; i < count; i++) {
      out[i] = Duration.ofNanos(Math.round(min * Math.pow(factor, i) * 1e9));
    }
    return out;
  }

  void observed(String kind, HasMetadata object, List<Condition> conditions, boolean suspended) {
    ObjectKey key = ObjectKey.of(object);
    for (String type : TYPES) {
      String status =
          conditions.stream()
              .filter(c -> c.type().equals(type))
              .map(Condition::status)
              .findFirst()
              .orElse("");
      for (String s : STATUSES) {
        gauge(
                "gotk.reconcile.condition",
                Tags.of(
                    "kind",
                    kind,
                    "name",
                    key.name(),
                    "namespace",
                    key.namespace(),
                    "type",
                    type,
                    "status",
                    s))
            .set(s.equals(status) ? 1 : 0);
      }
    }
    gauge(
            "gotk.suspend.status",
            Tags.of("kind", kind, "name", key.name(), "namespace", key.namespace()))
        .set(suspended ? 1 : 0);
  }

  void deleted(String kind, ObjectKey key) {
    for (String type : TYPES) {
      for (String s : STATUSES) {
        gauge(
                "gotk.reconcile.condition",
                Tags.of(
                    "kind",
                    kind,
                    "name",
                    key.name(),
                    "namespace",
                    key.namespace(),
                    "type",
                    type,
                    "status",
                    s))
            .set(s.equals("Deleted") ? 1 : 0);
      }
    }
  }

  private AtomicInteger gauge(String name, Tags tags) {
    return gauges.computeIfAbsent(
        tags.and("metric", name),
        t -> {
          AtomicInteger value = new AtomicInteger();
          Gauge.builder(name, value, AtomicInteger::get).tags(tags).register(registry);
          return value;
        });
  }
}
