package dev.capstan.cli.flux;

import dev.capstan.controller.api.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until the controller handled a reconcile request and reports its outcome, as {@code flux
 * reconcile}.
 */
final class ReconcileWaiter {

  private ReconcileWaiter() {}

  /** Returns the exit code: 0 when Ready, 1 when failed or timed out. */
  static int await(
      KubernetesClient client,
      FluxObjects kind,
      String ns,
      String name,
      Optional<String> token,
      Duration timeout,
      PrintWriter out) {
    out.println("◎ waiting for " + kind.kind + " reconciliation");
    out.flush();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      HasMetadata o = kind.require(client, ns, name);
      long gen = Optional.ofNullable(o.getMetadata().getGeneration()).orElse(0L);
      boolean handled = token.map(t -> t.equals(FluxObjects.lastHandled(o))).orElse(true);
      Optional<Condition> ready = FluxObjects.condition(o, "Ready");
      if (handled
          && FluxObjects.observedGeneration(o) == gen
          && ready.isPresent()
          && !ready.get().status().equals(Condition.UNKNOWN)) {
        if (ready.get().isTrue()) {
          out.println("✔ " + kind.kind + " reconciliation completed");
          out.println(
              "✔ "
                  + (kind == FluxObjects.GIT_REPOSITORY ? "fetched" : "applied")
                  + " revision "
                  + FluxObjects.revision(o));
          out.flush();
          return 0;
        }
        out.println("✗ " + kind.kind + " reconciliation failed: " + ready.get().message());
        out.flush();
        return 1;
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    out.println(
        "✗ timed out waiting for "
            + kind.kind
            + " "
            + ns
            + "/"
            + name
            + " after "
            + timeout.toSeconds()
            + "s");
    out.flush();
    return 1;
  }
}
