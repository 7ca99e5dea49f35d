package dev.capstan.kustomize.replace;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.resource.Resource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How replacements write scalars, following kyaml: a scalar target keeps its YAML tag and only its
 * text changes, so the text must read as that type by the time kustomize decodes the resource (an
 * int field can take {@code "8080"} but not {@code "abc"}; a string field takes anything and stays
 * a string). A scalar a replacement <em>created</em> has no tag: its text decides its type. An
 * ill-fitting text is tolerated until {@link #verify()}, since a later replacement of the same run
 * may fix it, as kustomize only fails when it decodes the result.
 *
 * <p>One instance per transformer run; not thread-safe.
 */
final class ScalarTargets {
  /** Build annotation listing the paths of scalars created by replacements (untagged). */
  static final String UNTAGGED = "capstan.dev/replacement-created-scalars";

  private record Locked(Resource resource, FieldPath.Slot slot, String tag) {}

  private final Map<Object, Map<Object, Locked>> locked = new IdentityHashMap<>();
  private final List<Locked> order = new ArrayList<>();

  /** Writes {@code text} into an existing scalar target. */
  void assign(Resource r, FieldPath.Slot slot, Object current, String text) {
    if (untagged(r).contains(slot.path())) {
      slot.set(text.isEmpty() ? null : Scalars.inferred(text));
      return;
    }
    Map<Object, Locked> byKey =
        locked.computeIfAbsent(slot.container(), k -> new java.util.HashMap<>());
    Locked l = byKey.get(slot.key());
    if (l == null) {
      l = new Locked(r, slot, tag(current));
      byKey.put(slot.key(), l);
      order.add(l);
    }
    if (l.tag().equals("str")) {
      slot.set(text);
      return;
    }
    Object typed = Scalars.inferred(text);
    slot.set(fits(l.tag(), typed) ? typed : text);
  }

  /** Writes {@code text} into a scalar the replacement just created (untagged). */
  void create(Resource r, FieldPath.Slot slot, String text) {
    Set<String> paths = untagged(r);
    paths.add(slot.path());
    r.buildAnnotations().put(UNTAGGED, String.join("\n", paths));
    slot.set(text.isEmpty() ? null : Scalars.inferred(text));
  }

  /** Fails, as kustomize's decoding does, for a typed scalar whose text no longer fits. */
  void verify() {
    for (Locked l : order) {
      if (l.tag().equals("str")) {
        continue;
      }
      Object cur = l.slot().get();
      if (cur instanceof String s) {
        Object typed = Scalars.inferred(s);
        if (!fits(l.tag(), typed)) {
          throw new KustomizeException(
              l.resource().id()
                  + ": yaml: cannot decode !!"
                  + tag(typed)
                  + " `"
                  + s
                  + "` as a !!"
                  + l.tag());
        }
        l.slot().set(typed);
      }
    }
  }

  private static Set<String> untagged(Resource r) {
    String v = r.buildAnnotations().getOrDefault(UNTAGGED, "");
    Set<String> out = new LinkedHashSet<>();
    if (!v.isEmpty()) {
      out.addAll(List.of(v.split("\n")));
    }
    return out;
  }

  private static boolean fits(String tag, Object typed) {
    return switch (tag) {
      case "int" -> typed instanceof Long || typed instanceof BigInteger;
      case "float" -> typed instanceof Number;
      case "bool" -> typed instanceof Boolean;
      case "null" -> typed == null;
      default -> true;
    };
  }

  static String tag(Object o) {
    return switch (o) {
      case null -> "null";
      case String s -> "str";
      case Boolean b -> "bool";
      case Double d -> "float";
      default -> "int";
    };
  }
}
