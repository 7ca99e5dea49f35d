package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The builtin ConfigMap generator ({@code configMapGenerator} entries and the {@code
 * ConfigMapGenerator} plugin). Values that are valid UTF-8 go to {@code data}; others go base64
 * encoded to {@code binaryData}. Produces one ConfigMap per call; stateless apart from its args.
 */
public final class ConfigMapGenerator implements Generator {
  private final GeneratorArgs args;
  private final KvLoader loader;

  public ConfigMapGenerator(GeneratorArgs args, KvFileReader files) {
    this.args = args;
    this.loader = new KvLoader(files);
  }

  public GeneratorArgs args() {
    return args;
  }

  @Override
  public ResourceList generate() {
    Resource r = KvObjectFactory.base("ConfigMap", args);
    Map<String, KvPair> pairs = KvObjectFactory.validated(args.name(), loader.load(args.sources()));
    Map<String, Object> data = new LinkedHashMap<>();
    Map<String, Object> binary = new LinkedHashMap<>();
    for (KvPair p : pairs.values()) {
      String text = p.textOrNull();
      if (text != null) {
        data.put(p.key(), text);
      } else {
        binary.put(p.key(), KvObjectFactory.base64Lines(p.value()));
      }
    }
    if (!data.isEmpty()) {
      r.content().put("data", data);
    }
    if (!binary.isEmpty()) {
      r.content().put("binaryData", binary);
    }
    KvObjectFactory.applyOptions(r, args.options());
    ResourceList out = new ResourceList();
    out.add(r);
    return out;
  }
}
