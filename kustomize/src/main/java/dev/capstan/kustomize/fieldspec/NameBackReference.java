package dev.capstan.kustomize.fieldspec;

import java.util.List;
import java.util.Objects;

/**
 * A name reference rule: resources of the referral kind ({@code group}/{@code version}/{@code
 * kind}, empty parts match any) may be named from the {@code referrers} fields of other resources;
 * when the referral is renamed, those fields follow.
 */
public record NameBackReference(
    String group, String version, String kind, List<FieldSpec> referrers) {

  public NameBackReference {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    referrers = List.copyOf(referrers);
  }

  /** Whether this rule is about the same referral kind as {@code o}. */
  public boolean sameReferral(NameBackReference o) {
    return group.equals(o.group) && version.equals(o.version) && kind.equals(o.kind);
  }
}
