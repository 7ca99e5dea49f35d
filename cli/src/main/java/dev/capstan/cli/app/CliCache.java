package dev.capstan.cli.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CLI's Git cache: {@code $XDG_CACHE_HOME/capstan/git}, else {@code ~/.cache/capstan/git}. */
final class CliCache {

  private CliCache() {}

  static Path gitCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    Path dir = base.resolve("capstan").resolve("git");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the git cache " + dir, e);
    }
    return dir;
  }
}
