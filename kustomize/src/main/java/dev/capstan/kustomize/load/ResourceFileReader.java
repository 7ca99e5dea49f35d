package dev.capstan.kustomize.load;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the resources of one file named in {@code resources:}: every YAML document that is not
 * empty, with the items of a {@code kind: *List} object (one holding {@code items}) spliced in its
 * place, as kustomize does.
 */
public final class ResourceFileReader {
  private ResourceFileReader() {}

  /** The resources in {@code path} (relative to the loader root), in file order. */
  public static List<Resource> read(Loader loader, String path) {
    String source = loader.resolve(path).toString();
    return parse(loader.readString(path), source);
  }

  /** The resources in YAML text that came from {@code source}. */
  public static List<Resource> parse(String text, String source) {
    List<Resource> out = new ArrayList<>();
    for (Object doc : YamlReader.readAll(text, source)) {
      addDocument(doc, source, out);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void addDocument(Object doc, String source, List<Resource> out) {
    if (!(doc instanceof Map<?, ?> raw)) {
      throw new KustomizeException(
          source + ": a resource must be a YAML mapping, found " + describe(doc));
    }
    Map<String, Object> map = (Map<String, Object>) raw;
    if (map.isEmpty()) {
      return;
    }
    Object kind = map.get("kind");
    if (kind instanceof String k && k.endsWith("List") && map.containsKey("items")) {
      Object items = map.get("items");
      if (items == null) {
        return;
      }
      if (!(items instanceof List<?> list)) {
        throw new KustomizeException(source + ": " + k + " 'items' must be a list");
      }
      for (Object item : list) {
        addDocument(item, source, out);
      }
      return;
    }
    Resource r = new Resource(map);
    if (!(kind instanceof String ks) || ks.isEmpty()) {
      throw new KustomizeException(source + ": missing Resource metadata: kind is required");
    }
    if (r.name().isEmpty()) {
      throw new KustomizeException(source + ": missing metadata.name in " + ks + " object");
    }
    out.add(r);
  }

  private static String describe(Object doc) {
    return doc instanceof List ? "a sequence" : "a scalar '" + doc + "'";
  }
}
