package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Health of core {@code Pod}, as Argo CD assesses it.
 *
 * <p>Long-running pods ({@code restartPolicy: Always}) are Degraded while a container waits with an
 * error or back-off reason, Healthy when Ready, Degraded when not ready after a container
 * terminated, else Progressing. Finite pods ({@code OnFailure}/{@code Never}, typically hooks) stay
 * Progressing while running, so a hook is not failed early; the annotation {@code
 * argocd.argoproj.io/ignore-restart-policy: "true"} on a pod that is not a hook makes it count as
 * long-running. Phase {@code Succeeded} is Healthy and {@code Failed} Degraded with the most useful
 * message found.
 */
public final class PodHealthCheck implements HealthCheck {

  static final String IGNORE_RESTART_POLICY = "argocd.argoproj.io/ignore-restart-policy";

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    String podMessage = live.string("status.message", "");
    boolean longRunning = isLongRunning(live);
    if (longRunning) {
      List<String> messages = new ArrayList<>();
      for (LiveObject cs : live.objects("status.containerStatuses")) {
        Optional<LiveObject> waiting = cs.object("state.waiting");
        if (waiting.isPresent() && isErrorReason(waiting.get().string("reason", ""))) {
          messages.add(waiting.get().string("message", ""));
        }
      }
      if (!messages.isEmpty()) {
        return Optional.of(HealthResult.degraded(String.join(", ", messages)));
      }
    }
    return Optional.of(
        switch (live.string("status.phase", "")) {
          case "Pending" -> HealthResult.progressing(podMessage);
          case "Succeeded" -> HealthResult.healthy(podMessage);
          case "Failed" -> HealthResult.degraded(failureMessage(live, podMessage));
          case "Running" -> running(live, longRunning, podMessage);
          default -> HealthResult.unknown(podMessage);
        });
  }

  private static HealthResult running(LiveObject live, boolean longRunning, String podMessage) {
    if (!longRunning) {
      String policy = live.string("spec.restartPolicy", "");
      return "OnFailure".equals(policy) || "Never".equals(policy)
          ? HealthResult.progressing(podMessage)
          : HealthResult.unknown(podMessage);
    }
    if (live.condition("Ready").filter(c -> c.isTrue()).isPresent()) {
      return HealthResult.healthy(podMessage);
    }
    for (LiveObject cs : live.objects("status.containerStatuses")) {
      if (cs.object("lastState.terminated").isPresent()) {
        return HealthResult.degraded(podMessage);
      }
    }
    return HealthResult.progressing(podMessage);
  }

  private static boolean isLongRunning(LiveObject live) {
    String policy = live.string("spec.restartPolicy", "");
    if ("Always".equals(policy)) {
      return true;
    }
    Map<String, String> annotations = live.annotations();
    boolean hook =
        annotations.containsKey("argocd.argoproj.io/hook")
            || annotations.containsKey("helm.sh/hook");
    return "true".equals(annotations.get(IGNORE_RESTART_POLICY)) && !hook;
  }

  private static boolean isErrorReason(String reason) {
    return reason.startsWith("Err") || reason.endsWith("Error") || reason.endsWith("BackOff");
  }

  private static String failureMessage(LiveObject live, String podMessage) {
    if (!podMessage.isEmpty()) {
      return podMessage;
    }
    List<LiveObject> statuses = new ArrayList<>(live.objects("status.initContainerStatuses"));
    statuses.addAll(live.objects("status.containerStatuses"));
    for (LiveObject cs : statuses) {
      Optional<LiveObject> terminated = cs.object("state.terminated");
      if (terminated.isEmpty()) {
        continue;
      }
      String message = terminated.get().string("message", "");
      if (!message.isEmpty()) {
        return message;
      }
      if ("OOMKilled".equals(terminated.get().string("reason", ""))) {
        return "OOMKilled";
      }
      long exitCode = terminated.get().integer("exitCode", 0);
      if (exitCode != 0) {
        return "container \"%s\" failed with exit code %d"
            .formatted(cs.string("name", ""), exitCode);
      }
    }
    return "";
  }
}
