package dev.capstan.kustomize;

/** Where a kustomization may read files from (kubectl's {@code --load-restrictor}). */
public enum LoadRestrictor {
  /** Files must be in or below the kustomization root, after resolving symbolic links. */
  ROOT_ONLY("LoadRestrictionsRootOnly"),
  /** Files may be anywhere. */
  NONE("LoadRestrictionsNone");

  private final String flag;

  LoadRestrictor(String flag) {
    this.flag = flag;
  }

  /** The kubectl flag value. */
  public String flag() {
    return flag;
  }

  /** Parses the kubectl flag value. */
  public static LoadRestrictor fromFlag(String value) {
    for (LoadRestrictor r : values()) {
      if (r.flag.equals(value)) {
        return r;
      }
    }
    throw new KustomizeException(
        "illegal flag value --load-restrictor "
            + value
            + "; legal values: LoadRestrictionsRootOnly, LoadRestrictionsNone");
  }
}
