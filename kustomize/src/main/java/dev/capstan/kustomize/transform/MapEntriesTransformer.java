package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldWalker;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets string entries in the mappings named by field specs, creating the mappings where a spec says
 * {@code create}. The common base of {@link LabelTransformer} and {@link AnnotationsTransformer}.
 */
public abstract sealed class MapEntriesTransformer implements Transformer
    permits LabelTransformer, AnnotationsTransformer {

  /** Told of every key a run adds to a mapping that did not hold it before. */
  @FunctionalInterface
  public interface AddedKeys {
    void added(Resource resource, Map<String, Object> mapping, String key);

    AddedKeys NONE = (r, m, k) -> {};
  }

  private final Map<String, String> entries;
  private final List<FieldSpec> fieldSpecs;
  private final String what;

  MapEntriesTransformer(Map<String, String> entries, List<FieldSpec> fieldSpecs, String what) {
    this.entries = Map.copyOf(entries);
    this.fieldSpecs = List.copyOf(fieldSpecs);
    this.what = what;
  }

  @Override
  public void transform(ResourceList resources) {
    transform(resources, AddedKeys.NONE);
  }

  /** Transforms as {@link #transform(ResourceList)}, telling {@code added} of each new key. */
  public void transform(ResourceList resources, AddedKeys added) {
    if (entries.isEmpty()) {
      return;
    }
    for (Resource r : resources) {
      for (FieldSpec fs : fieldSpecs) {
        if (fs.appliesTo(r.gvk())) {
          FieldWalker.walk(r.content(), fs, (cur, present) -> merge(r, fs, cur, added));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Object merge(Resource r, FieldSpec fs, Object current, AddedKeys added) {
    Map<String, Object> map;
    if (current == null) {
      map = new LinkedHashMap<>();
    } else if (current instanceof Map<?, ?> m) {
      map = (Map<String, Object>) m;
    } else {
      throw new KustomizeException(
          r.id() + ": " + what + " field '" + fs.pathString() + "' is not a mapping");
    }
    if (added != AddedKeys.NONE) {
      for (String key : entries.keySet()) {
        if (!map.containsKey(key)) {
          added.added(r, map, key);
        }
      }
    }
    map.putAll(entries);
    return map;
  }
}
