package dev.capstan.testsupport.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Capstan checkout that holds {@code testenv/}: the nearest folder at or above a start
 * folder that contains an executable {@code testenv/up}. Maven runs tests with the module folder as
 * working directory, so walking up from there reaches the checkout wherever it was cloned.
 */
public final class RepositoryRoot {
  private static final Path UP_SCRIPT = Path.of("testenv", "up");

  private RepositoryRoot() {}

  /** The checkout above {@code start}, if there is one. */
  public static Optional<Path> above(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path up = dir.resolve(UP_SCRIPT);
      if (Files.isRegularFile(up) && Files.isExecutable(up)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /**
   * The checkout above the working directory, or above {@code -Dcapstan.root} when it is set.
   *
   * @throws ControlPlaneException when neither has {@code testenv/up} above it
   */
  public static Path find() {
    Path start = Path.of(System.getProperty("capstan.root", System.getProperty("user.dir")));
    return above(start)
        .orElseThrow(
            () ->
                new ControlPlaneException(
                    "no Capstan checkout found: neither "
                        + start.toAbsolutePath()
                        + " nor any folder above it contains an executable testenv/up"
                        + " (set -Dcapstan.root or CAPSTAN_KUBECONFIG)"));
  }
}
