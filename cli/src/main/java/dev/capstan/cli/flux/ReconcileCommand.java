package dev.capstan.cli.flux;

import dev.capstan.controller.api.flux.GoDuration;
import dev.capstan.controller.api.flux.Kustomization;
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
 * {@code capstan reconcile kustomization NAME [--with-source]} and {@code capstan reconcile source
 * git NAME}: sets {@code reconcile.fluxcd.io/requestedAt} and waits until the controller reports
 * that request handled (exit 0 when Ready, 1 when not).
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = "Trigger a reconciliation of a Flux object and wait for it.",
    subcommands = {ReconcileCommand.Ks.class, ReconcileCommand.Source.class})
public final class ReconcileCommand {

  static int run(
      CommandSpec spec,
      FluxOptions options,
      FluxObjects kind,
      String name,
      String timeout,
      boolean withSource) {
    PrintWriter out = spec.commandLine().getOut();
    String ns = options.namespace();
    try (KubernetesClient client = options.connect()) {
      var object = kind.require(client, ns, name);
      if (withSource && object instanceof Kustomization ks && ks.getSpec().sourceRef() != null) {
        var ref = ks.getSpec().sourceRef();
        String sns = ref.namespace().isEmpty() ? ns : ref.namespace();
        int code = request(client, FluxObjects.GIT_REPOSITORY, sns, ref.name(), timeout, out);
        if (code != 0) {
          return code;
        }
      }
      return request(client, kind, ns, name, timeout, out);
    }
  }

  private static int request(
      KubernetesClient client,
      FluxObjects kind,
      String ns,
      String name,
      String timeout,
      PrintWriter out) {
    var object = kind.require(client, ns, name);
    if (FluxObjects.suspended(object)) {
      out.println("✗ resource is suspended");
      out.flush();
      return 1;
    }
    out.println("► annotating " + kind.kind + " " + name + " in " + ns + " namespace");
    String token = kind.requestReconcile(client, ns, name);
    out.println("✔ " + kind.kind + " annotated");
    return ReconcileWaiter.await(
        client, kind, ns, name, Optional.of(token), GoDuration.parse(timeout), out);
  }

  @Command(
      name = "kustomization",
      aliases = {"ks"},
      mixinStandardHelpOptions = true,
      description = "Reconcile a Kustomization.")
  static final class Ks implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FluxOptions options;

    @Parameters(index = "0", description = "Kustomization name.")
    String name;

    @Option(names = "--with-source", description = "Reconcile its GitRepository first.")
    boolean withSource;

    @Option(
        names = "--timeout",
        defaultValue = "5m",
        description = "How long to wait (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() {
      return run(spec, options, FluxObjects.KUSTOMIZATION, name, timeout, withSource);
    }
  }

  @Command(
      name = "source",
      mixinStandardHelpOptions = true,
      description = "Reconcile a source.",
      subcommands = {Source.Git.class})
  static final class Source {
    @Command(
        name = "git",
        mixinStandardHelpOptions = true,
        description = "Reconcile a GitRepository.")
    static final class Git implements Callable<Integer> {
      @Spec CommandSpec spec;
      @Mixin FluxOptions options;

      @Parameters(index = "0", description = "GitRepository name.")
      String name;

      @Option(
          names = "--timeout",
          defaultValue = "5m",
          description = "How long to wait (default: ${DEFAULT-VALUE}).")
      String timeout;

      @Override
      public Integer call() {
        return run(spec, options, FluxObjects.GIT_REPOSITORY, name, timeout, false);
      }
    }
  }
}
