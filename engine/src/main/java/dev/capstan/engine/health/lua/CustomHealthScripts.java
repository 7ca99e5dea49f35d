package dev.capstan.engine.health.lua;

import dev.capstan.engine.health.GroupKind;
import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Health scripts configured the Argo CD way, from {@code argocd-cm}-style keys {@code
 * resource.customizations.health.<group>_<kind>} whose values are Lua source. Other keys are
 * ignored. The core group is written {@code _Kind} or just {@code Kind}.
 *
 * <p>Selection, as in Argo CD: the exact group and kind first; failing that, keys with {@code *}
 * wildcards (e.g. {@code *.crossplane.io_*}), tried in lexical order of their pattern, where {@code
 * *} matches any run of characters. A script that does not compile is kept and assesses every
 * matching object as {@code Unknown} with the compiler's message; {@link #problems()} lists such
 * scripts.
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomHealthScripts {

  /** Prefix of the config map keys that hold health scripts. */
  public static final String KEY_PREFIX = "resource.customizations.health.";

  private final Map<GroupKind, HealthCheck> exact;
  private final List<Wildcard> wildcards;
  private final List<String> problems;

  private record Wildcard(String pattern, Pattern group, Pattern kind, HealthCheck check) {}

  private CustomHealthScripts(
      Map<GroupKind, HealthCheck> exact, List<Wildcard> wildcards, List<String> problems) {
    this.exact = Map.copyOf(exact);
    this.wildcards = List.copyOf(wildcards);
    this.problems = List.copyOf(problems);
  }

  /** No scripts. */
  public static CustomHealthScripts none() {
    return new CustomHealthScripts(Map.of(), List.of(), List.of());
  }

  /**
   * Reads the health scripts from config map data and compiles them.
   *
   * @param config config map data; keys without {@link #KEY_PREFIX} are ignored
   * @param limits limits for every script run
   */
  public static CustomHealthScripts fromConfigMap(Map<String, String> config, LuaLimits limits) {
    Map<GroupKind, HealthCheck> exact = new LinkedHashMap<>();
    List<Wildcard> wildcards = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    config.entrySet().stream()
        .filter(e -> e.getKey().startsWith(KEY_PREFIX) && e.getValue() != null)
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              String groupKind = e.getKey().substring(KEY_PREFIX.length());
              int split = groupKind.lastIndexOf('_');
              String group = split < 0 ? "" : groupKind.substring(0, split);
              String kind = groupKind.substring(split + 1);
              if (kind.isEmpty()) {
                problems.add(e.getKey() + ": no kind after the group");
                return;
              }
              HealthCheck check = compileOrReport(e.getKey(), e.getValue(), limits, problems);
              if (group.contains("*") || kind.contains("*")) {
                wildcards.add(new Wildcard(group + "/" + kind, glob(group), glob(kind), check));
              } else {
                exact.put(new GroupKind(group, kind), check);
              }
            });
    wildcards.sort(Comparator.comparing(Wildcard::pattern));
    return new CustomHealthScripts(exact, wildcards, problems);
  }

  /** The script that applies to a group and kind, if any. */
  public Optional<HealthCheck> forKind(GroupKind groupKind) {
    HealthCheck direct = exact.get(groupKind);
    if (direct != null) {
      return Optional.of(direct);
    }
    for (Wildcard w : wildcards) {
      if (w.group().matcher(groupKind.group()).matches()
          && w.kind().matcher(groupKind.kind()).matches()) {
        return Optional.of(w.check());
      }
    }
    return Optional.empty();
  }

  /** True when no script is configured. */
  public boolean isEmpty() {
    return exact.isEmpty() && wildcards.isEmpty();
  }

  /** One line per script that could not be used, naming its key and the reason. */
  public List<String> problems() {
    return problems;
  }

  private static HealthCheck compileOrReport(
      String key, String source, LuaLimits limits, List<String> problems) {
    try {
      return LuaHealthScript.compile(key, source, limits);
    } catch (LuaScriptException e) {
      problems.add(e.getMessage());
      String message = e.getMessage();
      return live -> Optional.of(HealthResult.unknown(live.identity() + " " + message));
    }
  }

  private static Pattern glob(String text) {
    List<String> parts = new ArrayList<>();
    for (String part : text.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", parts));
  }
}
