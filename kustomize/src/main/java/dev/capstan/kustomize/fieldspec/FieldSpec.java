package dev.capstan.kustomize.fieldspec;

import dev.capstan.kustomize.resource.Gvk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One kustomize field spec: which resources (group, version and kind; empty matches any) and which
 * field path inside them, and whether missing fields are created.
 *
 * <p>The path is kustomize's slash syntax: {@code spec/template/metadata/labels}; a segment ending
 * in {@code []} walks every item of a sequence ({@code spec/containers[]/image}); sequences met
 * without {@code []} are walked too, as kustomize does; {@code \/} escapes a slash inside a key
 * ({@code metadata/annotations/example.com\/ref}).
 */
public record FieldSpec(
    String group, String version, String kind, List<String> path, boolean create) {

  public FieldSpec {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    path = List.copyOf(path);
  }

  /** Parses a field spec from its parts; {@code path} uses the slash syntax. */
  public static FieldSpec of(
      String group, String version, String kind, String path, boolean create) {
    return new FieldSpec(group, version, kind, splitPath(path), create);
  }

  /** Whether the spec applies to a resource of this gvk. */
  public boolean appliesTo(Gvk gvk) {
    return (group.isEmpty() || group.equals(gvk.group()))
        && (version.isEmpty() || version.equals(gvk.version()))
        && (kind.isEmpty() || kind.equals(gvk.kind()));
  }

  /** The path in slash syntax. */
  public String pathString() {
    StringBuilder sb = new StringBuilder();
    for (String seg : path) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(seg.replace("/", "\\/"));
    }
    return sb.toString();
  }

  /** Splits a slash path, honouring {@code \/} escapes. */
  public static List<String> splitPath(String path) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '/') {
        cur.append('/');
        i++;
      } else if (c == '/') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    out.removeIf(String::isEmpty);
    return out;
  }

  /**
   * Whether this spec, read as a selector, already covers {@code existing}: same path, and this
   * spec's group, version and kind (empty matches any) select the existing one's.
   */
  public boolean covers(FieldSpec existing) {
    return path.equals(existing.path)
        && (group.isEmpty() || group.equals(existing.group))
        && (version.isEmpty() || version.equals(existing.version))
        && (kind.isEmpty() || kind.equals(existing.kind));
  }

  /** Two specs are the same entry when gvk and path match (create may differ). */
  public boolean sameTarget(FieldSpec o) {
    return group.equals(o.group)
        && version.equals(o.version)
        && kind.equals(o.kind)
        && path.equals(o.path);
  }

  @Override
  public String toString() {
    return (kind.isEmpty() ? "*" : kind) + ":" + pathString();
  }
}
