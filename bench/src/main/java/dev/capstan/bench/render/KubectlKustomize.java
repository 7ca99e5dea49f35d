package dev.capstan.bench.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs {@code kubectl kustomize} as a new process per build, as Argo CD's repo server does. */
final class KubectlKustomize {
  private final String kubectl;

  KubectlKustomize(String kubectl) {
    this.kubectl = kubectl;
  }

  /** The outcome of one build: stdout when it succeeded, else stderr. */
  record Outcome(boolean ok, String text, double millis) {}

  Outcome build(RenderInput input) {
    List<String> cmd = new ArrayList<>(List.of(kubectl, "kustomize", input.dir().toString()));
    if (input.loadRestrictionsNone()) {
      cmd.add("--load-restrictor=LoadRestrictionsNone");
    }
    long start = System.nanoTime();
    try {
      Process p = new ProcessBuilder(cmd).start();
      p.getOutputStream().close();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      String out = read(p.getInputStream());
      int code = p.waitFor();
      double ms = (System.nanoTime() - start) / 1e6;
      return code == 0 ? new Outcome(true, out, ms) : new Outcome(false, err.join(), ms);
    } catch (IOException e) {
      throw new IllegalStateException("running " + kubectl + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
