/**
 * Notifications in Argo CD Notifications' spirit, simpler: built-in {@link Trigger}s evaluated on
 * Application changes, services (generic webhooks and Slack-compatible incoming webhooks) and
 * subscriptions from {@code capstan-notifications-cm} ({@link NotificationConfig}) or the
 * Application's {@code notifications.argoproj.io/subscribe.<trigger>.<service>} annotations, sent
 * once per application, trigger and revision ({@link Deduplicator}).
 */
package dev.capstan.server.notify;
