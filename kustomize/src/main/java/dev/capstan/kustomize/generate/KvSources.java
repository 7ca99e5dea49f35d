package dev.capstan.kustomize.generate;

import java.util.List;

/**
 * Where a generator's keys and values come from, as written in the kustomization: {@code literals}
 * ({@code key=value}), {@code files} ({@code key=path} or {@code path}) and {@code envs} (env
 * files; the deprecated single {@code env} is appended to them).
 */
public record KvSources(List<String> literals, List<String> files, List<String> envs) {

  public static final KvSources EMPTY = new KvSources(List.of(), List.of(), List.of());

  public KvSources {
    literals = List.copyOf(literals);
    files = List.copyOf(files);
    envs = List.copyOf(envs);
  }
}
