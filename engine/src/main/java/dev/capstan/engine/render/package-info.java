/**
 * Rendering: turns the files of a source snapshot into the desired objects of an application.
 *
 * <p>{@link dev.capstan.engine.render.Renderer} is the facade. A {@link
 * dev.capstan.engine.render.RenderSource} names a snapshot directory, a path inside it and the
 * options of the dialect, translated into engine values ({@link
 * dev.capstan.engine.render.KustomizeOverrides}, {@link
 * dev.capstan.engine.render.DirectoryOptions}); the engine never sees a CRD class. The source type
 * is detected as Argo CD does: a Helm chart ({@code Chart.yaml}, or a chart source) is refused with
 * a terminal error, a directory holding a kustomization is built with the native Kustomize engine
 * with the overrides layered onto its kustomization, and anything else is read as a plain directory
 * of YAML and JSON manifests.
 *
 * <p>Every failure is a value: {@link dev.capstan.engine.render.RenderResult#errors()}. A render
 * with errors must not be synced or pruned from; the caller keeps its last good state.
 */
package dev.capstan.engine.render;
