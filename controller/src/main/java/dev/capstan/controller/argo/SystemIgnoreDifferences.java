package dev.capstan.controller.argo;

import dev.capstan.engine.diff.IgnoreDifference;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system-wide ignore rules of {@code capstan-cm}, in Argo CD's {@code argocd-cm} format: {@code
 * resource.customizations.ignoreDifferences.<group>_<kind>} (core kinds: {@code _Kind} or {@code
 * Kind}) and {@code resource.customizations.ignoreDifferences.all}, each a YAML block with {@code
 * jsonPointers}, {@code jqPathExpressions} and {@code managedFieldsManagers}. They apply to every
 * Application, before its own {@code ignoreDifferences}. A malformed entry is logged and skipped.
 * Pure apart from logging.
 */
final class SystemIgnoreDifferences {

  static final String PREFIX = "resource.customizations.ignoreDifferences.";
  private static final Logger LOG = LoggerFactory.getLogger(SystemIgnoreDifferences.class);

  private SystemIgnoreDifferences() {}

  static List<IgnoreDifference> parse(Map<String, String> config) {
    List<IgnoreDifference> out = new ArrayList<>();
    config.entrySet().stream()
        .filter(e -> e.getKey().startsWith(PREFIX))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              String target = e.getKey().substring(PREFIX.length());
              String group;
              String kind;
              if (target.equals("all")) {
                group = "*";
                kind = "*";
              } else {
                int sep = target.lastIndexOf('_');
                group = sep < 0 ? "" : target.substring(0, sep);
                kind = sep < 0 ? target : target.substring(sep + 1);
              }
              try {
                Object tree = YamlReader.readOne(e.getValue(), e.getKey());
                if (!(tree instanceof Map<?, ?> map)) {
                  throw new IllegalArgumentException("not a mapping");
                }
                out.add(
                    new IgnoreDifference(
                        group,
                        kind,
                        "",
                        "",
                        strings(map.get("jsonPointers")),
                        strings(map.get("jqPathExpressions")),
                        strings(map.get("managedFieldsManagers"))));
              } catch (KustomizeException | IllegalArgumentException ex) {
                LOG.warn("capstan-cm {} ignored: {}", e.getKey(), ex.getMessage());
              }
            });
    return out;
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("expected a list, got " + value);
    }
    return list.stream().map(String::valueOf).toList();
  }
}
