package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ResourceKey;
import java.util.Optional;

/**
 * Decides whether the next sync wave may start once a wave was applied: Argo CD waits for a wave to
 * be healthy before it applies the next. Called between waves only (never after the last, never in
 * a dry run, never after a wave with failures).
 *
 * <p>Implementations may block; they are called on the syncing thread.
 */
@FunctionalInterface
public interface WaveGate {

  /**
   * Blocks until {@code wave} is ready, or returns why it is not.
   *
   * @return empty to go on; otherwise the object that held the wave up and why, which fails the
   *     sync and skips the later waves
   */
  Optional<NotReady> await(Wave wave);

  /**
   * Why a wave is not ready.
   *
   * @param key the object that held it up
   * @param reason e.g. {@code Degraded: Deployment exceeded its progress deadline}
   */
  record NotReady(ResourceKey key, String reason) {}

  /** A gate that never waits (the default, as in Flux). */
  static WaveGate none() {
    return wave -> Optional.empty();
  }
}
