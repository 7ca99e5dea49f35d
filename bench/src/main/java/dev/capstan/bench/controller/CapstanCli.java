package dev.capstan.bench.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code bin/capstan}: built once before anything is timed (it rebuilds itself when sources changed). */
final class CapstanCli {
  private CapstanCli() {}

  static void ensureBuilt() throws IOException, InterruptedException {
    System.err.println("bench: making sure bin/capstan is built (may take minutes when sources changed)...");
    Process p = new ProcessBuilder("bin/capstan", "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("bin/capstan --version failed:\n" + out);
    }
  }
}
