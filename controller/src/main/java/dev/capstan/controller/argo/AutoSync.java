package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.Operation;
import dev.capstan.controller.api.argo.OperationState;
import dev.capstan.controller.api.argo.SyncPolicy;
import dev.capstan.controller.api.flux.GoDuration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Argo CD's automated-sync rules, for an Application that is OutOfSync:
 *
 * <ul>
 *   <li>an empty desired state is never synced unless {@code allowEmpty} ("auto-sync will wipe out
 *       all resources");
 *   <li>a revision not attempted yet is synced;
 *   <li>a revision already synced successfully is synced again only with {@code selfHeal} (drift
 *       without self-heal leaves the Application OutOfSync); a self-heal right after another one
 *       waits {@link #SELF_HEAL_GAP} (Argo CD's self-heal timeout);
 *   <li>a revision whose sync failed is retried only within {@code retry.limit}, after {@code
 *       retry.backoff} (duration 5s, factor 2, maxDuration 3m by default); otherwise it waits for a
 *       new commit.
 * </ul>
 *
 * Pure.
 */
final class AutoSync {

  /** The least time between two self-heal syncs of the same revision. */
  static final Duration SELF_HEAL_GAP = Duration.ofSeconds(2);

  private AutoSync() {}

  sealed interface Decision {
    /**
     * Sync now; {@code retryCount} counts earlier failed attempts at this revision, {@code
     * healAttempts} earlier self-heals of it (Argo CD's {@code autoHealAttemptsCount}).
     */
    record Sync(long retryCount, long healAttempts) implements Decision {
      Sync(long retryCount) {
        this(retryCount, 0);
      }
    }

    /** Do not sync; {@code condition} says whether the reason is a SyncError condition. */
    record Skip(String reason, boolean condition) implements Decision {}

    /** A retry is due after {@code delay}. */
    record Wait(Duration delay) implements Decision {}
  }

  static Decision decide(
      SyncPolicy policy, Comparison comparison, OperationState last, Clock clock) {
    String revision = String.join(",", comparison.revisions());
    if (comparison.desired().isEmpty() && !policy.automated().allowEmpty()) {
      return new Decision.Skip(
          "Skipping sync attempt to " + revision + ": auto-sync will wipe out all resources", true);
    }
    boolean attempted =
        last != null
            && last.operation() != null
            && last.operation().sync() != null
            && revision.equals(attemptedRevision(last.operation().sync()));
    if (!attempted) {
      return new Decision.Sync(0);
    }
    boolean failed =
        OperationState.FAILED.equals(last.phase()) || OperationState.ERROR.equals(last.phase());
    if (!failed) {
      if (!policy.automated().selfHeal()) {
        return new Decision.Skip(
            "Skipping sync attempt to " + revision + ": already synced and selfHeal is off", false);
      }
      // Argo CD's self-heal timeout: after a self-heal, the next one waits SELF_HEAL_GAP, so that
      // a fight with another writer of the same field cannot turn into a hot loop. The first heal
      // after a sync of a new revision is immediate.
      long healed = last.operation().sync().autoHealAttemptsCount();
      Instant due = parse(last.finishedAt()).plus(SELF_HEAL_GAP);
      Instant now = Instant.now(clock);
      return healed > 0 && now.isBefore(due)
          ? new Decision.Wait(Duration.between(now, due))
          : new Decision.Sync(0, healed + 1);
    }
    long limit = policy.retry() == null ? 0 : policy.retry().limit();
    if (limit >= 0 && last.retryCount() >= limit) {
      return new Decision.Skip(
          "Skipping sync attempt to "
              + revision
              + ": the previous sync failed ("
              + last.message()
              + ")",
          false);
    }
    Duration delay = retryDelay(policy, last.retryCount()).orElse(Duration.ZERO);
    Instant due = parse(last.finishedAt()).plus(delay);
    Instant now = Instant.now(clock);
    if (now.isBefore(due)) {
      return new Decision.Wait(Duration.between(now, due));
    }
    return new Decision.Sync(last.retryCount() + 1);
  }

  /** The operation an automated sync records. */
  static Operation operation(List<String> revisions, boolean prune, SyncPolicy policy) {
    return operation(revisions, prune, policy, 0);
  }

  /** The operation an automated sync records, counting self-heals of the revision. */
  static Operation operation(
      List<String> revisions, boolean prune, SyncPolicy policy, long healAttempts) {
    return new Operation(
        new Operation.SyncOperation(
            revisions.size() == 1 ? revisions.getFirst() : "",
            revisions.size() > 1 ? revisions : List.of(),
            prune,
            false,
            null,
            List.of(),
            null,
            List.of(),
            List.of(),
            policy.syncOptions(),
            healAttempts),
        new Operation.InitiatedBy("", true),
        List.of(),
        policy.retry());
  }

  /** The wait before retry number {@code retryCount + 1}; empty without a retry policy. */
  static Optional<Duration> retryDelay(SyncPolicy policy, long retryCount) {
    if (policy.retry() == null || policy.retry().limit() == 0) {
      return Optional.empty();
    }
    SyncPolicy.Backoff b = policy.retry().backoff();
    Duration base = duration(b == null ? "" : b.duration(), Duration.ofSeconds(5));
    long factor = b == null || b.factor() == null ? 2 : b.factor();
    Duration max = duration(b == null ? "" : b.maxDuration(), Duration.ofMinutes(3));
    double millis = base.toMillis() * Math.pow(factor, retryCount);
    return Optional.of(Duration.ofMillis((long) Math.min(millis, max.toMillis())));
  }

  private static String attemptedRevision(Operation.SyncOperation sync) {
    return sync.revisions().isEmpty() ? sync.revision() : String.join(",", sync.revisions());
  }

  private static Duration duration(String text, Duration fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return text.chars().allMatch(Character::isDigit)
          ? Duration.ofSeconds(Long.parseLong(text))
          : GoDuration.parse(text);
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  private static Instant parse(String time) {
    try {
      return Instant.parse(time);
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }
}
