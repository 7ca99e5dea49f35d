package dev.capstan.engine.health.lua;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits for one run of a health script. A run that exceeds any of them is stopped and the
 * resource's health is {@code Unknown} with a message naming the limit.
 *
 * @param timeout wall-clock time for one run
 * @param maxInstructions Lua VM instructions for one run (checked every {@link #CHECK_INTERVAL})
 * @param maxAllocatedBytes bytes the running thread may allocate during one run; this bounds memory
 *     use, since a script cannot hold more than it allocated
 * @param maxStringLength the longest string {@code string.rep} may build in one call
 */
public record LuaLimits(
    Duration timeout, long maxInstructions, long maxAllocatedBytes, int maxStringLength) {

  /** How many VM instructions run between two limit checks. */
  public static final int CHECK_INTERVAL = 1_000;

  /** Validates that every limit is positive. */
  public LuaLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxInstructions <= 0 || maxAllocatedBytes <= 0 || maxStringLength <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * The defaults: one second (Argo CD's own limit for a health script), 20 million instructions, 64
   * MiB allocated, strings of at most 1 MiB from {@code string.rep}.
   */
  public static LuaLimits defaults() {
    return new LuaLimits(Duration.ofSeconds(1), 20_000_000L, 64L << 20, 1 << 20);
  }

  /** A copy with another timeout. */
  public LuaLimits withTimeout(Duration value) {
    return new LuaLimits(value, maxInstructions, maxAllocatedBytes, maxStringLength);
  }

  /** A copy with another instruction limit. */
  public LuaLimits withMaxInstructions(long value) {
    return new LuaLimits(timeout, value, maxAllocatedBytes, maxStringLength);
  }

  /** A copy with another allocation limit. */
  public LuaLimits withMaxAllocatedBytes(long value) {
    return new LuaLimits(timeout, maxInstructions, value, maxStringLength);
  }
}
