package dev.capstan.kustomize.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Kubernetes object inside a build: its content tree plus the build-time facts kustomize tracks
 * beside it (the ids it had before prefixes, suffixes, namespaces or renames, and generator
 * options).
 *
 * <p>Not thread-safe: a resource belongs to one build.
 */
public final class Resource {
  private final Map<String, Object> content;
  private final List<ResId> previousIds = new ArrayList<>();
  private final Map<String, String> buildAnnotations = new LinkedHashMap<>();
  // The gvk and id last derived from the content, with the very values they were derived from:
  // reused while the content still holds those same objects (strings are immutable), derived anew
  // as soon as any of them is replaced.
  private Object gvkApiVersion;
  private Object gvkKind;
  private Gvk gvk;
  private Object idName;
  private Object idNamespace;
  private ResId id;

  public Resource(Map<String, Object> content) {
    this.content = content;
  }

  /** The live, mutable content tree. */
  public Map<String, Object> content() {
    return content;
  }

  public String apiVersion() {
    return Tree.string(content, "apiVersion");
  }

  public String kind() {
    return Tree.string(content, "kind");
  }

  public Gvk gvk() {
    Object av = content.get("apiVersion");
    Object k = content.get("kind");
    if (gvk == null || av != gvkApiVersion || k != gvkKind) {
      gvk = Gvk.of(av instanceof String s ? s : "", k instanceof String s ? s : "");
      gvkApiVersion = av;
      gvkKind = k;
    }
    return gvk;
  }

  /** The metadata mapping, created when missing. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> metadata() {
    return (Map<String, Object>) content.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
  }

  public String name() {
    Map<String, Object> md = Tree.map(content, "metadata");
    return md == null ? "" : Tree.string(md, "name");
  }

  public String namespace() {
    Map<String, Object> md = Tree.map(content, "metadata");
    return md == null ? "" : Tree.string(md, "namespace");
  }

  public ResId id() {
    Gvk g = gvk();
    Object n = null;
    Object ns = null;
    if (content.get("metadata") instanceof Map<?, ?> md) {
      n = md.get("name");
      ns = md.get("namespace");
    }
    if (id == null || id.gvk() != g || n != idName || ns != idNamespace) {
      id = new ResId(g, n instanceof String s ? s : "", ns instanceof String s ? s : "");
      idName = n;
      idNamespace = ns;
    }
    return id;
  }

  /** Ids this resource had earlier in the build, oldest first (for name-reference rewriting). */
  public List<ResId> previousIds() {
    return previousIds;
  }

  /**
   * Build-only annotations (never emitted): generator behavior, hash-suffix wishes, origin, and the
   * like. Keys are engine-internal.
   */
  public Map<String, String> buildAnnotations() {
    return buildAnnotations;
  }

  /** Records the current id as a previous one (before a rename, re-namespace or kind change). */
  public void storePreviousId() {
    previousIds.add(id());
  }

  /** The id this resource had when it entered the build (its oldest previous id, or current). */
  public ResId originalId() {
    return previousIds.isEmpty() ? id() : previousIds.get(0);
  }

  /** Build-annotation key holding the name prefixes applied so far, comma-separated. */
  public static final String PREFIXES = "prefixes";

  /** Build-annotation key holding the name suffixes applied so far, comma-separated. */
  public static final String SUFFIXES = "suffixes";

  /** Appends a value to a comma-separated build annotation (empty values are ignored). */
  public void appendBuildList(String key, String value) {
    if (value.isEmpty()) {
      return;
    }
    String cur = buildAnnotations.get(key);
    buildAnnotations.put(key, cur == null || cur.isEmpty() ? value : cur + "," + value);
  }

  /** The values of a comma-separated build annotation. */
  public List<String> buildList(String key) {
    String cur = buildAnnotations.get(key);
    return cur == null || cur.isEmpty() ? List.of() : List.of(cur.split(","));
  }

  /** Sets {@code metadata.name}. */
  public void setName(String name) {
    metadata().put("name", name);
  }

  /** A deep copy, including build-time facts. */
  public Resource copy() {
    Resource r = new Resource(Tree.deepCopy(content));
    r.previousIds.addAll(previousIds);
    r.buildAnnotations.putAll(buildAnnotations);
    return r;
  }

  @Override
  public String toString() {
    return id().toString();
  }
}
