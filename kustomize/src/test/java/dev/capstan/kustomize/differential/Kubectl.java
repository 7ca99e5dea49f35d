package dev.capstan.kustomize.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code kubectl kustomize} as the oracle. */
final class Kubectl {
  private Kubectl() {}

  /** The kubectl binary on the PATH, or null when there is none. */
  static Path find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, "kubectl");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** The result of one kubectl run. */
  record Result(int exitCode, String stdout, String stderr) {}

  static Result kustomize(Path kubectl, Path dir, String reorder, String loadRestrictor)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(kubectl.toString(), "kustomize", dir.toString()));
    if (reorder != null) {
      cmd.add("--reorder=" + reorder);
    }
    if (loadRestrictor != null) {
      cmd.add("--load-restrictor=" + loadRestrictor);
    }
    Path err = Files.createTempFile("kubectl", ".err");
    try {
      Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("kubectl kustomize timed out on " + dir);
      }
      return new Result(
          p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
