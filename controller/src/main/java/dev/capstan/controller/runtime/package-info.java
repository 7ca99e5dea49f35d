/**
 * What every reconciler needs around it: a keyed work queue with bounded concurrency and delayed
 * requeues ({@link dev.capstan.controller.runtime.WorkQueue}), and the Prometheus endpoint ({@link
 * dev.capstan.controller.runtime.MetricsServer}).
 */
package dev.capstan.controller.runtime;
