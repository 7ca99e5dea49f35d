package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldWalker;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rewrites container images ({@code images:} and the ImageTagTransformer plugin): every {@code
 * image} of a {@code containers} or {@code initContainers} list anywhere in a resource, plus the
 * fields of the image field specs. An image matches when its name (without tag or digest) is the
 * configured name.
 */
public final class ImageTagTransformer implements Transformer {

  /** One {@code images:} entry. Empty strings mean "keep". */
  public record Image(String name, String newName, String newTag, String digest) {}

  /**
   * @param image what to change; @param fieldSpecs extra fields holding images
   */
  public record Config(Image image, List<FieldSpec> fieldSpecs) {
    public Config {
      fieldSpecs = List.copyOf(fieldSpecs);
    }
  }

  private final Config config;
  private final Pattern match;

  public ImageTagTransformer(Config config) {
    this.config = config;
    Pattern p;
    try {
      p = Pattern.compile("^" + config.image().name() + "(@sha256)?(:[a-zA-Z0-9_.{}-]*)?$");
    } catch (PatternSyntaxException e) {
      p =
          Pattern.compile(
              "^" + Pattern.quote(config.image().name()) + "(@sha256)?(:[a-zA-Z0-9_.{}-]*)?$");
    }
    this.match = p;
  }

  @Override
  public void transform(ResourceList resources) {
    for (Resource r : resources) {
      walkContainers(r.content());
      for (FieldSpec fs : config.fieldSpecs()) {
        if (fs.appliesTo(r.gvk())) {
          FieldWalker.walk(r.content(), fs, (cur, present) -> update(cur));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void walkContainers(Object node) {
    if (node instanceof Map<?, ?> raw) {
      Map<String, Object> m = (Map<String, Object>) raw;
      for (Map.Entry<String, Object> e : m.entrySet()) {
        if ((e.getKey().equals("containers") || e.getKey().equals("initContainers"))
            && e.getValue() instanceof List<?> list) {
          for (Object c : list) {
            if (c instanceof Map<?, ?> cm && cm.get("image") instanceof String) {
              Object nv = update(cm.get("image"));
              if (nv != FieldWalker.KEEP) {
                ((Map<String, Object>) cm).put("image", nv);
              }
            }
          }
        }
        walkContainers(e.getValue());
      }
    } else if (node instanceof List<?> list) {
      for (Object o : list) {
        walkContainers(o);
      }
    }
  }

  private Object update(Object current) {
    if (!(current instanceof String value) || !match.matcher(value).matches()) {
      return FieldWalker.KEEP;
    }
    String[] parts = split(value);
    String name = parts[0];
    String tag = parts[1];
    String digest = parts[2];
    Image img = config.image();
    if (!img.newName().isEmpty()) {
      name = img.newName();
    }
    if (!img.newTag().isEmpty() && !img.digest().isEmpty()) {
      tag = img.newTag();
      digest = img.digest();
    } else if (!img.newTag().isEmpty()) {
      tag = img.newTag();
      digest = "";
    } else if (!img.digest().isEmpty()) {
      tag = "";
      digest = img.digest();
    }
    StringBuilder sb = new StringBuilder(name);
    if (!tag.isEmpty()) {
      sb.append(':').append(tag);
    }
    if (!digest.isEmpty()) {
      sb.append('@').append(digest);
    }
    return sb.toString();
  }

  /** Splits an image into name, tag and digest; a registry host's port is not a tag. */
  static String[] split(String image) {
    String search = image;
    int slash = image.indexOf('/');
    if (slash > 0) {
      search = image.substring(slash);
    } else {
      slash = 0;
    }
    int id = search.indexOf('@');
    int ic = search.indexOf(':');
    if (ic < 0 && id < 0) {
      return new String[] {image, "", ""};
    }
    if (id >= 0 && (id < ic || ic < 0)) {
      id += slash;
      return new String[] {image.substring(0, id), "", image.substring(id + 1)};
    }
    if (id >= 0) {
      id += slash;
      ic += slash;
      return new String[] {
        image.substring(0, ic), image.substring(ic + 1, id), image.substring(id + 1)
      };
    }
    ic += slash;
    return new String[] {image.substring(0, ic), image.substring(ic + 1), ""};
  }
}
