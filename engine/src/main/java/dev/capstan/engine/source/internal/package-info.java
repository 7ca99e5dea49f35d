/**
 * Implementation of {@link dev.capstan.engine.source.GitSource}: JGit transport set-up per
 * credential kind, the per-URL bare-repository cache, the immutable snapshot store, the commit
 * exporter, and the translation of JGit failures into the scrubbed, classified exceptions of the
 * source package.
 *
 * <p>Nothing outside {@code dev.capstan.engine.source} may use these classes.
 */
package dev.capstan.engine.source.internal;
