package dev.capstan.cli;

import java.util.List;

/** The registry of top-level subcommands; each feature adds its command object here. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all() {
    return List.of();
  }
}
