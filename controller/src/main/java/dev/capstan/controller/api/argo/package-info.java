/**
 * Argo CD dialect: {@link dev.capstan.controller.api.argo.Application} and {@link
 * dev.capstan.controller.api.argo.AppProject} in group {@code argoproj.io}, version {@code
 * v1alpha1}, with Argo CD's JSON field names. The reconciler translates these into engine options
 * and engine results back into {@link dev.capstan.controller.api.argo.ApplicationStatus}; nothing
 * here knows the engine.
 */
package dev.capstan.controller.api.argo;
