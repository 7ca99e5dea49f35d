package dev.capstan.kustomize;

/** The output order (kubectl's {@code --reorder}). */
public enum Reorder {
  /**
   * kustomize's legacy kind order (Namespace first, webhooks last), unless sortOptions say else.
   */
  LEGACY("legacy"),
  /** Input (accumulation) order. */
  NONE("none");

  private final String flag;

  Reorder(String flag) {
    this.flag = flag;
  }

  public String flag() {
    return flag;
  }

  public static Reorder fromFlag(String value) {
    for (Reorder r : values()) {
      if (r.flag.equals(value)) {
        return r;
      }
    }
    throw new KustomizeException(
        "illegal flag value --reorder " + value + "; legal values: legacy, none");
  }
}
