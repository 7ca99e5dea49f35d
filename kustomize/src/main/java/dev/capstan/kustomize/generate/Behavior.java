package dev.capstan.kustomize.generate;

import java.util.Locale;

/**
 * What a generated object does when an object with its id already exists: {@code create} (fail),
 * {@code merge} its data into it, or {@code replace} it. Unknown words read as unspecified, which
 * acts as create.
 */
public enum Behavior {
  UNSPECIFIED,
  CREATE,
  MERGE,
  REPLACE;

  public static Behavior parse(String text) {
    return switch (text) {
      case "", "create" -> CREATE;
      case "merge" -> MERGE;
      case "replace" -> REPLACE;
      default -> UNSPECIFIED;
    };
  }

  /** The word kustomize uses for it. */
  public String word() {
    return this == UNSPECIFIED ? "unspecified" : name().toLowerCase(Locale.ROOT);
  }
}
