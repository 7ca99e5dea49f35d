package dev.capstan.kustomize.alias;

import dev.capstan.kustomize.patch.PatchStrategicMergeTransformer;
import dev.capstan.kustomize.patch.PatchTransformer;
import dev.capstan.kustomize.plugin.OriginTransformer;
import dev.capstan.kustomize.replace.ReplacementTransformer;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.transform.MapEntriesTransformer;
import dev.capstan.kustomize.transform.Transformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The groups of places in each resource that share one value node in kustomize (see the package
 * documentation), maintained around every transformer run:
 *
 * <ul>
 *   <li>a label or annotation transformer that adds a key at several places of a resource makes
 *       those places one group;
 *   <li>when a transformer that edits values in place (labels, annotations, strategic merge
 *       patches, replacements) changes one place of a group, every other place of the group that
 *       still held the old value gets the new one;
 *   <li>a place changed by any other transformer (JSON patches replace values) or removed leaves
 *       its group.
 * </ul>
 *
 * One instance per build; not thread-safe.
 */
public final class ValueAliases {
  private final IdentityHashMap<Resource, List<List<Place>>> groups = new IdentityHashMap<>();

  /** How a transformer treats the value nodes it changes. */
  private enum Effect {
    ADDS_SHARED,
    EDITS_IN_PLACE,
    REPLACES
  }

  /** Runs {@code t} over {@code resources}, keeping the groups and their values as kustomize. */
  public void run(Transformer t, ResourceList resources) {
    Transformer inner = t instanceof OriginTransformer o ? o.transformer() : t;
    Effect effect = effectOf(inner);
    for (List<List<Place>> perResource : groups.values()) {
      for (List<Place> group : perResource) {
        for (Place p : group) {
          p.remember();
        }
      }
    }
    if (inner instanceof MapEntriesTransformer m) {
      // the mappings that gained a key, per resource; places are then read in tree order
      IdentityHashMap<Resource, NewKeys> added = new IdentityHashMap<>();
      m.transform(
          resources,
          (r, mapping, key) -> added.computeIfAbsent(r, k -> new NewKeys()).add(mapping, key));
      update(effect);
      for (Resource r : resources) {
        NewKeys keys = added.get(r);
        if (keys != null) {
          addGroups(r, keys);
        }
      }
    } else {
      t.transform(resources);
      update(effect);
    }
  }

  private static Effect effectOf(Transformer inner) {
    if (inner instanceof MapEntriesTransformer) {
      return Effect.ADDS_SHARED;
    }
    if (inner instanceof PatchStrategicMergeTransformer
        || inner instanceof ReplacementTransformer
        || inner instanceof PatchTransformer p && !p.isJsonPatch()) {
      return Effect.EDITS_IN_PLACE;
    }
    return Effect.REPLACES;
  }

  private void update(Effect effect) {
    for (List<List<Place>> perResource : groups.values()) {
      for (Iterator<List<Place>> it = perResource.iterator(); it.hasNext(); ) {
        List<Place> group = it.next();
        group.removeIf(p -> !p.present());
        List<Place> changed = null;
        for (Place p : group) {
          if (p.changed()) {
            if (changed == null) {
              changed = new ArrayList<>();
            }
            changed.add(p);
          }
        }
        if (changed != null) {
          if (effect == Effect.REPLACES) {
            group.removeAll(changed);
          } else {
            Object now = changed.get(0).value();
            for (Place p : group) {
              if (!changed.contains(p)) {
                p.set(now); // the shared node was edited in place
              }
            }
          }
        }
        if (group.size() < 2) {
          it.remove();
        }
      }
    }
  }

  /**
   * Groups the places of {@code r} where one key was added (one shared node per key), in the order
   * of a walk of the tree.
   */
  private void addGroups(Resource r, NewKeys added) {
    Map<String, List<Place>> byKey = new LinkedHashMap<>();
    collectAdded(r.content(), added, byKey);
    for (List<Place> places : byKey.values()) {
      if (places.size() > 1) {
        groups.computeIfAbsent(r, k -> new ArrayList<>()).add(new ArrayList<>(places));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void collectAdded(Object node, NewKeys added, Map<String, List<Place>> out) {
    // Once every mapping that gained keys has been met, the rest of the tree can only hold the
    // same mappings again (a mapping object at two places), which adds nothing a group needs.
    if (node instanceof Map<?, ?> m) {
      Set<String> keys = added.visit(m);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (keys != null && e.getValue() instanceof String && keys.contains(e.getKey())) {
          String key = (String) e.getKey();
          out.computeIfAbsent(key, k -> new ArrayList<>())
              .add(new Place((Map<String, Object>) m, key));
        }
        if (added.allVisited()) {
          if (keys == null) {
            return;
          }
          continue; // this mapping's own places are still collected
        }
        collectAdded(e.getValue(), added, out);
      }
    } else if (node instanceof List<?> l) {
      for (Object o : l) {
        if (added.allVisited()) {
          return;
        }
        collectAdded(o, added, out);
      }
    }
  }

  /**
   * The keys one transformer run added to the mappings of one resource: a handful of mappings,
   * found by identity with a linear search.
   */
  private static final class NewKeys {
    private final List<Map<?, ?>> mappings = new ArrayList<>(4);
    private final List<Set<String>> keys = new ArrayList<>(4);
    private final java.util.BitSet visited = new java.util.BitSet();

    void add(Map<?, ?> mapping, String key) {
      Set<String> set = of(mapping);
      if (set == null) {
        set = new HashSet<>();
        mappings.add(mapping);
        keys.add(set);
      }
      set.add(key);
    }

    /** The keys added to {@code mapping}, or null when none. */
    Set<String> of(Map<?, ?> mapping) {
      int i = indexOf(mapping);
      return i < 0 ? null : keys.get(i);
    }

    /** Like {@link #of}, noting that the walk of the tree met {@code mapping}. */
    Set<String> visit(Map<?, ?> mapping) {
      int i = indexOf(mapping);
      if (i < 0) {
        return null;
      }
      visited.set(i);
      return keys.get(i);
    }

    /** Whether the walk met every mapping that gained keys. */
    boolean allVisited() {
      return visited.cardinality() == mappings.size();
    }

    private int indexOf(Map<?, ?> mapping) {
      for (int i = 0; i < mappings.size(); i++) {
        if (mappings.get(i) == mapping) {
          return i;
        }
      }
      return -1;
    }
  }

  /** One place: a key of a particular mapping object (compared by identity). */
  private static final class Place {
    private final Map<String, Object> container;
    private final String key;
    private Object remembered;

    Place(Map<String, Object> container, String key) {
      this.container = container;
      this.key = key;
    }

    Object value() {
      return container.get(key);
    }

    boolean present() {
      return container.containsKey(key);
    }

    void set(Object value) {
      container.put(key, value);
    }

    /** Notes the value before a transformer runs. */
    void remember() {
      remembered = container.get(key);
    }

    /** Whether the value differs from the one remembered. */
    boolean changed() {
      return !Objects.equals(container.get(key), remembered);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Place p && p.container == container && p.key.equals(key);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(container) * 31 + key.hashCode();
    }
  }
}
