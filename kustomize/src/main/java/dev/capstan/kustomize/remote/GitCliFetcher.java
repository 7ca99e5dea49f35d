package dev.capstan.kustomize.remote;

import dev.capstan.kustomize.KustomizeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fetches with the {@code git} program, the way kustomize does: {@code init}, {@code remote add}, a
 * shallow {@code fetch} of the ref (or {@code HEAD}), {@code checkout FETCH_HEAD}, then {@code
 * submodule update --init --recursive}. Each command is bounded by the URL's timeout and never
 * prompts for credentials. Thread-safe (no state).
 */
public final class GitCliFetcher implements GitFetcher {
  private final String gitProgram;

  /** Uses {@code git} from the PATH. */
  public GitCliFetcher() {
    this("git");
  }

  public GitCliFetcher(String gitProgram) {
    this.gitProgram = gitProgram;
  }

  @Override
  public void fetch(GitUrl url, Path into) {
    run(url, into, "init", "--quiet");
    run(url, into, "remote", "add", "origin", url.cloneUrl());
    run(
        url,
        into,
        "fetch",
        "--quiet",
        "--depth=1",
        "origin",
        url.ref().isEmpty() ? "HEAD" : url.ref());
    run(url, into, "checkout", "--quiet", "FETCH_HEAD");
    if (url.submodules() && Files.exists(into.resolve(".gitmodules"))) {
      run(url, into, "submodule", "update", "--quiet", "--init", "--recursive");
    }
  }

  private void run(GitUrl url, Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(gitProgram);
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().put("GIT_ASKPASS", "true");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new KustomizeException(
          "fetching '" + url.raw() + "' failed (git not runnable): " + e.getMessage(), e);
    }
    try {
      p.getOutputStream().close();
      // A reader thread drains the output so that a chatty git cannot block on a full pipe.
      OutputCollector collector = new OutputCollector(p);
      collector.start();
      if (!p.waitFor(url.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        collector.join(1000);
        throw new KustomizeException(
            "fetching '"
                + url.raw()
                + "' failed (timeout after "
                + url.timeout().toSeconds()
                + "s): git "
                + args[0]);
      }
      collector.join(5000);
      byte[] out = collector.output();
      if (p.exitValue() != 0) {
        throw new KustomizeException(
            "fetching '"
                + url.raw()
                + "' failed (git "
                + args[0]
                + " exit "
                + p.exitValue()
                + "): "
                + new String(out, StandardCharsets.UTF_8).strip());
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new KustomizeException("fetching '" + url.raw() + "' interrupted", e);
    } catch (IOException e) {
      throw new KustomizeException("fetching '" + url.raw() + "' failed: " + e.getMessage(), e);
    }
  }

  /** Drains a process's output, keeping the first 8 KiB for the error message. */
  private static final class OutputCollector extends Thread {
    private static final int LIMIT = 8192;
    private final Process process;
    private final byte[] buffer = new byte[LIMIT];
    private int length;

    OutputCollector(Process process) {
      super("git-output");
      setDaemon(true);
      this.process = process;
    }

    @Override
    public void run() {
      byte[] chunk = new byte[4096];
      try (var in = process.getInputStream()) {
        int n;
        while ((n = in.read(chunk)) > 0) {
          synchronized (this) {
            int keep = Math.min(n, LIMIT - length);
            System.arraycopy(chunk, 0, buffer, length, keep);
            length += keep;
          }
        }
      } catch (IOException ignored) {
        // the process was killed; what was read is enough for the message
      }
    }

    synchronized byte[] output() {
      return java.util.Arrays.copyOf(buffer, length);
    }
  }
}
