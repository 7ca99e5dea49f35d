package dev.capstan.cli.login;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.cli.client.CliConfig;
import dev.capstan.cli.client.ServerClient;
import dev.capstan.cli.client.ServerException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan login SERVER}, as {@code argocd login}: logs in with a user name and password
 * ({@code POST /api/v1/session}) and keeps the server and its token in the config file (mode 0600),
 * making it the current server. The token is never printed. Without {@code --username} or {@code
 * --password} they are asked for on the terminal (the password without echo); {@code
 * --password-stdin} reads the password from standard input, for scripts.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = "Log in to a Capstan server; later commands go through it.")
public final class LoginCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "Server: host:port or URL.")
  String server;

  @Option(names = "--username", description = "User name (asked for when not given).")
  String username;

  @Option(names = "--password", description = "Password (asked for without echo when not given).")
  String password;

  @Option(names = "--password-stdin", description = "Read the password from standard input.")
  boolean passwordStdin;

  @Option(names = "--insecure", description = "Do not verify the server's TLS certificate.")
  boolean insecure;

  @Option(names = "--plaintext", description = "The server speaks plain HTTP.")
  boolean plaintext;

  @Option(
      names = "--config",
      description = "CLI config file; default: CAPSTAN_CONFIG, then ~/.config/capstan/config.")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Console console = System.console();
    String user = username;
    if (user == null) {
      if (console == null) {
        throw new IllegalArgumentException("no terminal to ask for the user name: give --username");
      }
      user = Optional.ofNullable(console.readLine("Username: ")).orElse("").strip();
    }
    String secret = password;
    if (secret == null && passwordStdin) {
      secret = stdinLine();
    }
    if (secret == null) {
      if (console == null) {
        throw new IllegalArgumentException(
            "no terminal to ask for the password: give --password or --password-stdin");
      }
      char[] typed = console.readPassword("Password: ");
      secret = typed == null ? "" : new String(typed);
    }
    ServerClient client = ServerClient.connect(server, Optional.empty(), insecure, plaintext);
    JsonNode answer;
    try {
      answer = client.post("/api/v1/session", Map.of("username", user, "password", secret));
    } catch (ServerException e) {
      // A refused login is the server's word ("Invalid username or password"), no advice needed.
      throw e.status() == 401 ? new ServerException(401, e.serverMessage()) : e;
    }
    String token = answer.path("token").asText("");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("the server at " + server + " answered without a token");
    }
    Path file = CliConfig.path(Optional.ofNullable(config));
    CliConfig.read(file)
        .with(new CliConfig.ServerEntry(server, user, token, insecure, plaintext))
        .write(file);
    out.println("'" + user + ":login' logged in successfully");
    out.println("Context '" + server + "' updated");
    out.flush();
    return 0;
  }

  private static String stdinLine() {
    try {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      return line == null ? "" : line.strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("reading the password from standard input failed");
    }
  }
}
