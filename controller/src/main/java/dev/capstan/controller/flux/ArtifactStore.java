package dev.capstan.controller.flux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * In-process GitRepository artifacts: a directory per (repository, content) under {@code
 * <cache>/artifacts/<namespace>/<name>/<digest>}, holding the files of the commit that pass the
 * {@link SourceIgnore} rules, plus the included repositories' artifacts.
 *
 * <p>The digest is {@code sha256:} over every file in path order (path, NUL, {@code x} or {@code -}
 * for the executable bit, NUL, length, NUL, bytes): equal content gives an equal digest, as a Flux
 * artifact's digest does (Flux hashes its tarball, so the values differ from Flux's). An artifact
 * is written to a staging directory and renamed into place; it is never changed after. The two
 * newest artifacts of a repository are kept (a Kustomization may still be reading the older).
 * Thread-safe for different repositories; one repository is reconciled by one worker at a time.
 */
final class ArtifactStore {

  /** A published artifact. */
  record Artifact(Path directory, String relativePath, String digest, long size) {
    String url() {
      return directory.toUri().toString();
    }
  }

  /** Another artifact's folder copied into this one (GitRepository {@code spec.include}). */
  record Inclusion(Path from, String toPath) {}

  private final Path root;

  ArtifactStore(Path cacheDirectory) {
    this.root = cacheDirectory.resolve("artifacts");
  }

  /**
   * Where an artifact named by {@code status.artifact.url} lives, if it is one of ours and exists.
   */
  Optional<Path> resolve(String url) {
    if (url == null || !url.startsWith("file:")) {
      return Optional.empty();
    }
    Path p = Path.of(java.net.URI.create(url)).toAbsolutePath().normalize();
    return p.startsWith(root.toAbsolutePath().normalize()) && Files.isDirectory(p)
        ? Optional.of(p)
        : Optional.empty();
  }

  /** Publishes the filtered content of {@code checkout} (plus inclusions) for {@code key}. */
  Artifact publish(ObjectKey key, Path checkout, SourceIgnore ignore, List<Inclusion> inclusions)
      throws IOException {
    Path base = root.resolve(key.namespace()).resolve(key.name());
    Files.createDirectories(base);
    Path staging = base.resolve(".staging-" + UUID.randomUUID());
    Files.createDirectories(staging);
    try {
      copyFiltered(checkout, staging, ignore);
      for (Inclusion inc : inclusions) {
        Path target = staging.resolve(inc.toPath()).normalize();
        if (!target.startsWith(staging)) {
          throw new IOException("include toPath " + inc.toPath() + " leaves the artifact");
        }
        copyAll(inc.from(), target);
      }
      Digest d = digest(staging);
      String hex = d.digest().substring("sha256:".length());
      Path dir = base.resolve(hex);
      if (!Files.isDirectory(dir)) {
        try {
          Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
          // another publish of the same content won
        }
      }
      touch(dir);
      prune(base, dir);
      return new Artifact(
          dir,
          "gitrepository/" + key.namespace() + "/" + key.name() + "/" + hex,
          d.digest(),
          d.size());
    } finally {
      deleteTree(staging);
    }
  }

  private static void copyFiltered(Path from, Path to, SourceIgnore ignore) throws IOException {
    copyFilteredInto(from, to, ignore, "");
  }

  private static void copyFilteredInto(Path from, Path to, SourceIgnore ignore, String prefix)
      throws IOException {
    List<Path> children;
    try (var list = Files.list(from)) {
      children = list.sorted().toList();
    }
    for (Path c : children) {
      String rel = prefix.isEmpty() ? c.getFileName().toString() : prefix + "/" + c.getFileName();
      if (Files.isDirectory(c, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        if (ignore.ignored(rel, true)) {
          continue;
        }
        Path d = to.resolve(c.getFileName().toString());
        Files.createDirectories(d);
        copyFilteredInto(c, d, ignore, rel);
      } else if (!ignore.ignored(rel, false)) {
        copyFile(c, to.resolve(c.getFileName().toString()));
      }
    }
  }

  private static void copyAll(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new IOException("included path " + from.getFileName() + " is not a directory");
    }
    try (var walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          copyFile(p, t);
        }
      }
    }
  }

  private static void copyFile(Path from, Path to) throws IOException {
    if (Files.isSymbolicLink(from)) {
      Files.copy(from, to, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      return;
    }
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    to.toFile().setWritable(true, true);
  }

  record Digest(String digest, long size) {}

  static Digest digest(Path dir) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = 0;
    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files =
          walk.filter(p -> !Files.isDirectory(p))
              .sorted(Comparator.comparing(p -> SourceIgnore.relative(dir, p)))
              .toList();
    }
    byte[] buffer = new byte[8192];
    for (Path f : files) {
      md.update(SourceIgnore.relative(dir, f).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update((byte) (Files.isExecutable(f) ? 'x' : '-'));
      md.update((byte) 0);
      long len = Files.size(f);
      size += len;
      md.update(Long.toString(len).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      try (InputStream in = Files.newInputStream(f)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          md.update(buffer, 0, n);
        }
      }
    }
    return new Digest("sha256:" + HexFormat.of().formatHex(md.digest()), size);
  }

  private static void touch(Path dir) throws IOException {
    Files.setLastModifiedTime(
        dir, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
  }

  private static void prune(Path base, Path keep) throws IOException {
    List<Path> dirs = new ArrayList<>();
    try (var list = Files.list(base)) {
      list.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .forEach(dirs::add);
    }
    dirs.sort(
        Comparator.comparing(
                (Path p) -> {
                  try {
                    return Files.getLastModifiedTime(p).toMillis();
                  } catch (IOException e) {
                    return 0L;
                  }
                })
            .reversed());
    for (int i = 0; i < dirs.size(); i++) {
      if (i >= 2 && !dirs.get(i).equals(keep)) {
        deleteTree(dirs.get(i));
      }
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true, true);
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
