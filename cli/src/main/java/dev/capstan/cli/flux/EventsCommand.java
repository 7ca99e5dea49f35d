package dev.capstan.cli.flux;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstan events [-A] [-n NS] [--for Kind/name]}: the Events recorded on GitRepositories and
 * Kustomizations, oldest first, as {@code flux events}: {@code LAST SEEN TYPE REASON OBJECT
 * MESSAGE}.
 */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "Show the events of Flux GitRepositories and Kustomizations.")
public final class EventsCommand implements Callable<Integer> {

  static final Set<String> KINDS = Set.of("GitRepository", "Kustomization");

  @Spec CommandSpec spec;
  @Mixin FluxOptions options;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Events of every namespace.")
  boolean all;

  @Option(names = "--for", description = "Only events of this object: Kind/name.")
  String forObject;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = options.connect()) {
      List<Event> events = fluxEvents(client, options.namespace(), all, forObject);
      List<String> header =
          all
              ? List.of("NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE")
              : List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
      FluxTable table = new FluxTable(header);
      for (Event e : events) {
        String object = e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName();
        String msg = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s*\\R\\s*", "; ");
        List<String> row =
            List.of(
                time(e), String.valueOf(e.getType()), String.valueOf(e.getReason()), object, msg);
        if (all) {
          row = new java.util.ArrayList<>(row);
          row.addFirst(e.getMetadata().getNamespace());
        }
        table.row(row);
      }
      if (table.size() == 0) {
        spec.commandLine().getErr().println("no events found");
        spec.commandLine().getErr().flush();
        return 0;
      }
      table.print(out);
      return 0;
    }
  }

  static List<Event> fluxEvents(
      KubernetesClient client, String namespace, boolean all, String forObject) {
    var items =
        all
            ? client.v1().events().inAnyNamespace().list().getItems()
            : client.v1().events().inNamespace(namespace).list().getItems();
    return items.stream()
        .filter(
            e -> e.getInvolvedObject() != null && KINDS.contains(e.getInvolvedObject().getKind()))
        .filter(
            e ->
                forObject == null
                    || forObject.equalsIgnoreCase(
                        e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName()))
        .sorted(Comparator.comparing(EventsCommand::time))
        .toList();
  }

  static String time(Event e) {
    String t =
        e.getLastTimestamp() != null
            ? e.getLastTimestamp()
            : e.getEventTime() != null
                ? e.getEventTime().getTime()
                : e.getMetadata().getCreationTimestamp();
    return t == null ? "" : t;
  }
}
