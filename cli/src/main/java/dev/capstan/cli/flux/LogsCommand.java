package dev.capstan.cli.flux;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstan logs [-A] [-f] [--kind K] [--name N] [-n NS]}: the Flux controller's log. The
 * controller records every decision it logs (new artifact, changes applied, failures with their
 * reason) as a Kubernetes Event on the object, so the log is read from the cluster wherever the
 * controller runs; one line per event: {@code <time> <info|error> <Kind>/<name>.<namespace> -
 * <reason>: <message>}. {@code --follow} keeps watching.
 */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Show the Flux controller's log (its events), optionally following it.")
public final class LogsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin FluxOptions options;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Every namespace.")
  boolean all;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new lines.")
  boolean follow;

  @Option(names = "--kind", description = "Only this kind (Kustomization or GitRepository).")
  String kind;

  @Option(names = "--name", description = "Only objects of this name.")
  String name;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = options.connect()) {
      for (Event e : EventsCommand.fluxEvents(client, options.namespace(), all, null)) {
        print(out, e);
      }
      out.flush();
      if (!follow) {
        return 0;
      }
      CountDownLatch closed = new CountDownLatch(1);
      var events =
          all
              ? client.v1().events().inAnyNamespace()
              : client.v1().events().inNamespace(options.namespace());
      String rv =
          (all
                  ? client.v1().events().inAnyNamespace().list()
                  : client.v1().events().inNamespace(options.namespace()).list())
              .getMetadata()
              .getResourceVersion();
      try (var w =
          events
              .withResourceVersion(rv)
              .watch(
                  new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Event e) {
                      if (action == Action.ADDED || action == Action.MODIFIED) {
                        print(out, e);
                        out.flush();
                      }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                      closed.countDown();
                    }
                  })) {
        closed.await();
      }
      return 0;
    }
  }

  private void print(PrintWriter out, Event e) {
    var o = e.getInvolvedObject();
    if (o == null || !EventsCommand.KINDS.contains(o.getKind())) {
      return;
    }
    if ((kind != null && !kind.equalsIgnoreCase(o.getKind()))
        || (name != null && !name.equals(o.getName()))) {
      return;
    }
    String level = "Warning".equals(e.getType()) ? "error" : "info";
    out.println(
        EventsCommand.time(e)
            + " "
            + level
            + " "
            + o.getKind()
            + "/"
            + o.getName()
            + "."
            + o.getNamespace()
            + " - "
            + e.getReason()
            + ": "
            + (e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s*\\R\\s*", "; ")));
  }
}
