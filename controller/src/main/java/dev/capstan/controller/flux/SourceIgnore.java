package dev.capstan.controller.flux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * Flux's artifact exclusion rules, in {@code .gitignore} syntax (matching by JGit's {@link
 * FastIgnoreRule}): first the defaults of Flux's {@code sourceignore} package (VCS files, images
 * and archives, CI configurations, {@code .goreleaser.yml}, {@code .sops.yaml}, {@code
 * .flux.yaml}), then every {@code .sourceignore} file of the repository (relative to its folder),
 * then {@code spec.ignore}. As in git, the last matching rule wins, so {@code spec.ignore} can
 * re-include a default ({@code !*.png}); a file in an ignored folder cannot be re-included. {@code
 * .git} is always excluded. Immutable and thread-safe.
 */
final class SourceIgnore {

  static final List<String> DEFAULTS =
      List.of(
          ".git/",
          ".gitignore",
          ".gitmodules",
          ".gitattributes",
          "*.jpg",
          "*.jpeg",
          "*.gif",
          "*.png",
          "*.wmv",
          "*.flv",
          "*.tar.gz",
          "*.zip",
          ".github/",
          ".circleci/",
          ".travis.yml",
          ".gitlab-ci.yml",
          "appveyor.yml",
          ".drone.yml",
          "cloudbuild.yaml",
          "codeship-services.yml",
          "codeship-steps.yml",
          "**/.goreleaser.yml",
          "**/.sops.yaml",
          "**/.flux.yaml");

  private record Rule(String domain, FastIgnoreRule rule) {}

  private final List<Rule> rules;

  private SourceIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules for a checkout at {@code root} with the given {@code spec.ignore}. */
  static SourceIgnore load(Path root, Optional<String> specIgnore) throws IOException {
    List<Rule> rules = new ArrayList<>();
    DEFAULTS.forEach(p -> rules.add(new Rule("", new FastIgnoreRule(p))));
    List<Path> files;
    try (var walk = Files.walk(root)) {
      files =
          walk.filter(
                  p ->
                      p.getFileName() != null && p.getFileName().toString().equals(".sourceignore"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
    for (Path f : files) {
      String domain = relative(root, f.getParent());
      parse(Files.readString(f, StandardCharsets.UTF_8))
          .forEach(p -> rules.add(new Rule(domain, new FastIgnoreRule(p))));
    }
    specIgnore.ifPresent(
        text -> parse(text).forEach(p -> rules.add(new Rule("", new FastIgnoreRule(p)))));
    return new SourceIgnore(rules);
  }

  /** True when the path (relative, {@code /}-separated) is excluded. */
  boolean ignored(String path, boolean directory) {
    if (path.equals(".git") || path.startsWith(".git/")) {
      return true;
    }
    boolean ignored = false;
    for (Rule r : rules) {
      String p;
      if (r.domain().isEmpty()) {
        p = path;
      } else if (path.startsWith(r.domain() + "/")) {
        p = path.substring(r.domain().length() + 1);
      } else {
        continue;
      }
      if (r.rule().isMatch(p, directory)) {
        ignored = r.rule().getResult();
      }
    }
    return ignored;
  }

  static List<String> parse(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      out.add(line.stripTrailing());
    }
    return out;
  }

  static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
