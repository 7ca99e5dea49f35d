package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The builtin Secret generator ({@code secretGenerator} entries and the {@code SecretGenerator}
 * plugin): every value is base64 encoded into {@code data} (always present, possibly empty); the
 * type defaults to {@code Opaque}.
 */
public final class SecretGenerator implements Generator {
  private final GeneratorArgs args;
  private final KvLoader loader;

  public SecretGenerator(GeneratorArgs args, KvFileReader files) {
    this.args = args;
    this.loader = new KvLoader(files);
  }

  public GeneratorArgs args() {
    return args;
  }

  @Override
  public ResourceList generate() {
    Resource r = KvObjectFactory.base("Secret", args);
    r.content().put("type", args.type().isEmpty() ? "Opaque" : args.type());
    Map<String, KvPair> pairs = KvObjectFactory.validated(args.name(), loader.load(args.sources()));
    Map<String, Object> data = new LinkedHashMap<>();
    for (KvPair p : pairs.values()) {
      data.put(p.key(), KvObjectFactory.base64Lines(p.value()));
    }
    r.content().put("data", data);
    KvObjectFactory.applyOptions(r, args.options());
    ResourceList out = new ResourceList();
    out.add(r);
    return out;
  }
}
