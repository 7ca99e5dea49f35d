package dev.capstan.engine.health.lua;

import java.lang.management.ManagementFactory;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The debug hook that enforces {@link LuaLimits} during one run. luaj calls it every {@link
 * LuaLimits#CHECK_INTERVAL} instructions; it counts instructions and checks the deadline and the
 * bytes the running thread allocated since the run began. Not thread-safe: one instance per run, on
 * the thread that runs the script.
 */
final class RunBudget extends VarArgFunction {

  private static final com.sun.management.ThreadMXBean THREADS = threadBean();

  private final LuaLimits limits;
  private final long deadlineNanos;
  private final long allocatedAtStart;
  private long instructions;

  RunBudget(LuaLimits limits) {
    this.limits = limits;
    this.deadlineNanos = System.nanoTime() + limits.timeout().toNanos();
    this.allocatedAtStart = allocatedBytes();
  }

  @Override
  public Varargs invoke(Varargs args) {
    instructions += LuaLimits.CHECK_INTERVAL;
    if (instructions > limits.maxInstructions()) {
      throw new LimitExceeded(
          "exceeded the limit of " + limits.maxInstructions() + " Lua instructions");
    }
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new LimitExceeded("exceeded the time limit of " + limits.timeout().toMillis() + " ms");
    }
    // allocatedAtStart is negative when the JVM cannot count allocations.
    if (allocatedAtStart >= 0 && allocatedBytes() - allocatedAtStart > limits.maxAllocatedBytes()) {
      throw new LimitExceeded(
          "exceeded the memory limit of " + limits.maxAllocatedBytes() + " allocated bytes");
    }
    return LuaValue.NONE;
  }

  /** Instructions counted so far, in steps of {@link LuaLimits#CHECK_INTERVAL}. */
  long instructions() {
    return instructions;
  }

  private static long allocatedBytes() {
    return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
  }

  private static com.sun.management.ThreadMXBean threadBean() {
    // Allocation accounting is a HotSpot extension; without it only time and instructions apply.
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
        && bean.isThreadAllocatedMemorySupported()) {
      if (!bean.isThreadAllocatedMemoryEnabled()) {
        bean.setThreadAllocatedMemoryEnabled(true);
      }
      return bean;
    }
    return null;
  }
}
