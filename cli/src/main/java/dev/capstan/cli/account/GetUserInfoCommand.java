package dev.capstan.cli.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.cli.client.CliConfig;
import dev.capstan.cli.client.ServerClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstan account get-user-info}: who the server says is logged in ({@code GET
 * /api/v1/session/userinfo}), as {@code argocd account get-user-info}.
 */
@Command(
    name = "get-user-info",
    mixinStandardHelpOptions = true,
    description = "Show the logged-in user.")
public final class GetUserInfoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--server", description = "Server; default: CAPSTAN_SERVER, then the login's.")
  String server;

  @Option(
      names = "--auth-token",
      description = "Token; default: CAPSTAN_AUTH_TOKEN, then the login's.")
  String authToken;

  @Option(names = "--insecure", description = "Do not verify the server's TLS certificate.")
  boolean insecure;

  @Option(names = "--plaintext", description = "The server speaks plain HTTP.")
  boolean plaintext;

  @Option(
      names = "--config",
      description = "CLI config file; default: CAPSTAN_CONFIG, then ~/.config/capstan/config.")
  Path config;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text, json or yaml.")
  String output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CliConfig file = CliConfig.read(CliConfig.path(Optional.ofNullable(config)));
    Optional<String> name = Optional.ofNullable(server).or(() -> env("CAPSTAN_SERVER"));
    Optional<CliConfig.ServerEntry> entry =
        name.isPresent() ? file.server(name.get()) : file.current();
    String target =
        name.or(() -> entry.map(CliConfig.ServerEntry::server))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "not logged in to any server: run capstan login SERVER"));
    Optional<String> token =
        Optional.ofNullable(authToken)
            .or(() -> env("CAPSTAN_AUTH_TOKEN"))
            .or(() -> entry.map(CliConfig.ServerEntry::token).filter(t -> !t.isEmpty()));
    if (token.isEmpty()) {
      throw new IllegalArgumentException(
          "not logged in to " + target + ": run capstan login " + target);
    }
    JsonNode info =
        ServerClient.connect(
                target,
                token,
                insecure || entry.map(CliConfig.ServerEntry::insecure).orElse(false),
                plaintext || entry.map(CliConfig.ServerEntry::plaintext).orElse(false))
            .get("/api/v1/session/userinfo");
    ObjectMapper json = new ObjectMapper();
    switch (output) {
      case "json" -> out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(info));
      case "yaml" ->
          out.print(
              new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
                  .asYaml(json.convertValue(info, java.util.Map.class)));
      case "text" -> {
        List<String> groups = new ArrayList<>();
        info.path("groups").forEach(g -> groups.add(g.asText()));
        out.println("Logged In: " + info.path("loggedIn").asBoolean(false));
        out.println("Username: " + info.path("username").asText(""));
        out.println("Issuer: " + info.path("iss").asText(""));
        out.println("Groups: " + String.join(",", groups));
      }
      default ->
          throw new IllegalArgumentException(
              "unknown output format " + output + " (text, json, yaml)");
    }
    out.flush();
    return 0;
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank());
  }
}
