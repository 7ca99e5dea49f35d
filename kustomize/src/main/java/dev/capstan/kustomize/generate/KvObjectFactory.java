package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.resource.Resource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the ConfigMap or Secret object of a generator from its loaded pairs and options. */
final class KvObjectFactory {
  private KvObjectFactory() {}

  /** The base object: apiVersion, kind, name, namespace, plus build annotations. */
  static Resource base(String kind, GeneratorArgs args) {
    args.requireName("configmap"); // kustomize says "configmap" for Secrets too
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("apiVersion", "v1");
    content.put("kind", kind);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", args.name());
    if (!args.namespace().isEmpty()) {
      metadata.put("namespace", args.namespace());
    }
    content.put("metadata", metadata);
    Resource r = new Resource(content);
    r.buildAnnotations().put(Generator.BEHAVIOR, args.behavior().word());
    if (!args.options().disableNameSuffixHash()) {
      r.buildAnnotations().put(Generator.NEEDS_HASH, "true");
    }
    return r;
  }

  /** Refuses a repeated key; returns the pairs sorted by key. */
  static Map<String, KvPair> validated(String name, List<KvPair> pairs) {
    Map<String, KvPair> byKey = new TreeMap<>();
    for (KvPair p : pairs) {
      if (byKey.putIfAbsent(p.key(), p) != null) {
        throw new KustomizeException(
            "configmap " + name + " illegally repeats the key `" + p.key() + "`");
      }
    }
    return byKey;
  }

  /** Applies labels, annotations and immutable from the options. */
  static void applyOptions(Resource r, GeneratorOptions options) {
    if (!options.labels().isEmpty()) {
      r.metadata()
          .put("labels", new LinkedHashMap<String, Object>(new TreeMap<>(options.labels())));
    }
    if (!options.annotations().isEmpty()) {
      r.metadata()
          .put(
              "annotations",
              new LinkedHashMap<String, Object>(new TreeMap<>(options.annotations())));
    }
    if (options.immutable()) {
      r.content().put("immutable", Boolean.TRUE);
    }
  }

  /**
   * Base64 as kustomize writes Secret data: standard encoding, broken into lines of 70 characters,
   * each followed by a newline once the encoding reaches 70 characters.
   */
  static String base64Lines(byte[] value) {
    String enc = Base64.getEncoder().encodeToString(value);
    final int lineLen = 70;
    if (enc.length() < lineLen) {
      return enc;
    }
    StringBuilder out = new StringBuilder(enc.length() + enc.length() / lineLen + 1);
    for (int i = 0; i < enc.length(); i += lineLen) {
      out.append(enc, i, Math.min(enc.length(), i + lineLen)).append('\n');
    }
    return out.toString();
  }

  static List<String> keys(Map<String, KvPair> pairs) {
    return new ArrayList<>(pairs.keySet());
  }
}
