/**
 * What every reconciler needs around it: a keyed work queue with bounded concurrency and delayed
 * requeues ({@link dev.capstan.controller.runtime.WorkQueue}), the Prometheus endpoint ({@link
 * dev.capstan.controller.runtime.MetricsServer}), the order of two copies of an object ({@link
 * dev.capstan.controller.runtime.ResourceVersions}) and the common part of a recorded Event ({@link
 * dev.capstan.controller.runtime.EventDraft}).
 */
package dev.capstan.controller.runtime;
