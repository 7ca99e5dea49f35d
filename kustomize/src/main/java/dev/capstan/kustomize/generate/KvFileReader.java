package dev.capstan.kustomize.generate;

/**
 * Reads a file named in a generator, relative to the kustomization root that declares it, under the
 * build's load restrictions. The loader supplies it; tests use a map.
 */
@FunctionalInterface
public interface KvFileReader {

  /**
   * The bytes of the file at {@code path}; throws {@link dev.capstan.kustomize.KustomizeException}
   * when it is missing, not a regular file, or outside the allowed root.
   */
  byte[] read(String path);
}
