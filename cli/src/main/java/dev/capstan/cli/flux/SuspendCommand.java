package dev.capstan.cli.flux;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan suspend|resume kustomization|source git NAME}: sets {@code spec.suspend}; resume
 * also requests a reconcile and waits for it, as {@code flux resume}.
 */
public final class SuspendCommand {

  private SuspendCommand() {}

  /** {@code capstan suspend}. */
  @Command(
      name = "suspend",
      mixinStandardHelpOptions = true,
      description = "Suspend reconciliation of a Kustomization or GitRepository.")
  public static final class Suspend extends Delegate {
    public Suspend() {
      super(true);
    }
  }

  /** {@code capstan resume}. */
  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Resume a suspended Kustomization or GitRepository and wait for it.")
  public static final class Resume extends Delegate {
    public Resume() {
      super(false);
    }
  }

  /** Shared parsing for both commands. */
  abstract static class Delegate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FluxOptions options;

    @Parameters(index = "0", description = "kustomization | source")
    String kindWord;

    @Parameters(index = "1..*", arity = "1..2", description = "NAME, or 'git NAME' after 'source'")
    java.util.List<String> rest;

    @Option(
        names = "--timeout",
        defaultValue = "5m",
        description = "How long resume waits (default: ${DEFAULT-VALUE}).")
    String timeout;

    private final boolean suspend;

    Delegate(boolean suspend) {
      this.suspend = suspend;
    }

    @Override
    public Integer call() {
      FluxObjects kind = FluxObjects.parse(kindWord);
      String name;
      if (kindWord.equalsIgnoreCase("source")) {
        if (rest.size() != 2 || !rest.get(0).equals("git")) {
          throw new IllegalArgumentException(
              "usage: " + (suspend ? "suspend" : "resume") + " source git NAME");
        }
        name = rest.get(1);
      } else {
        if (rest.size() != 1) {
          throw new IllegalArgumentException("expected one NAME");
        }
        name = rest.getFirst();
      }
      PrintWriter out = spec.commandLine().getOut();
      String ns = options.namespace();
      try (KubernetesClient client = options.connect()) {
        kind.require(client, ns, name);
        out.println(
            "► "
                + (suspend ? "suspending " : "resuming ")
                + kind.lower
                + " "
                + name
                + " in "
                + ns
                + " namespace");
        kind.setSuspend(client, ns, name, suspend);
        out.println("✔ " + kind.lower + " " + (suspend ? "suspended" : "resumed"));
        out.flush();
        if (suspend) {
          return 0;
        }
        String token = kind.requestReconcile(client, ns, name);
        return ReconcileWaiter.await(
            client,
            kind,
            ns,
            name,
            Optional.of(token),
            dev.capstan.controller.api.flux.GoDuration.parse(timeout),
            out);
      }
    }
  }
}
