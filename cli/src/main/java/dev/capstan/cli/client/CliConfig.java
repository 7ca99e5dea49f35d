package dev.capstan.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CLI's config file, as {@code argocd}'s {@code ~/.config/argocd/config}: the servers logged in
 * to, with their tokens, and the current one. It lives in {@code $CAPSTAN_CONFIG}, else {@code
 * $XDG_CONFIG_HOME/capstan/config}, else {@code ~/.config/capstan/config}, and is written with mode
 * 0600 (it holds tokens). JSON.
 *
 * @param currentServer the server commands use unless told otherwise; empty for none
 * @param servers one entry per server logged in to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CliConfig(String currentServer, List<ServerEntry> servers) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public CliConfig {
    currentServer = currentServer == null ? "" : currentServer;
    servers = List.copyOf(servers == null ? List.of() : servers);
  }

  /**
   * A server and the session the CLI holds for it.
   *
   * @param server the address as given to {@code login} ({@code host:port} or a URL)
   * @param username who logged in
   * @param token the session token (never printed)
   * @param insecure whether the server's TLS certificate is not verified
   * @param plaintext whether the server speaks plain HTTP
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ServerEntry(
      String server, String username, String token, boolean insecure, boolean plaintext) {
    public ServerEntry {
      server = server == null ? "" : server;
      username = username == null ? "" : username;
      token = token == null ? "" : token;
    }

    @Override
    public String toString() {
      return "ServerEntry[server=" + server + ", username=" + username + ", token=<hidden>]";
    }
  }

  /** The config file's path: {@code override}, else the environment's, else the default. */
  public static Path path(Optional<Path> override) {
    if (override.isPresent()) {
      return override.get();
    }
    String env = System.getenv("CAPSTAN_CONFIG");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("capstan").resolve("config");
  }

  /** The config in {@code file}; an empty config when it does not exist. */
  public static CliConfig read(Path file) {
    try {
      if (!Files.exists(file) || Files.size(file) == 0) {
        return new CliConfig("", List.of());
      }
      return JSON.readValue(file.toFile(), CliConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "reading the config file " + file + " failed: " + firstLine(e.getMessage()));
    }
  }

  /** Writes the config to {@code file} with mode 0600, replacing it atomically. */
  public void write(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
        Files.write(tmp, new byte[0]);
      }
      Files.write(tmp, JSON.writeValueAsBytes(this));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("writing the config file " + file + " failed: " + e);
    }
  }

  /** The entry of {@code server}. */
  public Optional<ServerEntry> server(String server) {
    return servers.stream().filter(s -> s.server().equals(server)).findFirst();
  }

  /** The entry of the current server. */
  public Optional<ServerEntry> current() {
    return currentServer.isEmpty() ? Optional.empty() : server(currentServer);
  }

  /** This config with {@code entry} added or replaced, and made current. */
  public CliConfig with(ServerEntry entry) {
    List<ServerEntry> next = new ArrayList<>(servers);
    next.removeIf(s -> s.server().equals(entry.server()));
    next.add(entry);
    return new CliConfig(entry.server(), next);
  }

  /** This config without {@code server}'s entry. */
  public CliConfig without(String server) {
    List<ServerEntry> next = new ArrayList<>(servers);
    next.removeIf(s -> s.server().equals(server));
    return new CliConfig(currentServer.equals(server) ? "" : currentServer, next);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
