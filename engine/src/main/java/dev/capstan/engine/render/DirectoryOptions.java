package dev.capstan.engine.render;

import java.util.Objects;

/**
 * Options of a plain directory source (Argo CD {@code spec.source.directory}).
 *
 * @param recurse read sub-directories too
 * @param include glob of files to read (relative to the source path); empty means every {@code
 *     .yaml}, {@code .yml} and {@code .json} file. {@code {a,b}} alternatives are allowed.
 * @param exclude glob of files to skip; wins over {@code include}
 */
public record DirectoryOptions(boolean recurse, String include, String exclude) {

  public DirectoryOptions {
    include = Objects.requireNonNullElse(include, "");
    exclude = Objects.requireNonNullElse(exclude, "");
  }

  /** Top level only, every manifest file. */
  public static DirectoryOptions defaults() {
    return new DirectoryOptions(false, "", "");
  }
}
