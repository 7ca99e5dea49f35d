package dev.capstan.server.notify;

/**
 * One notification to send, and how it went.
 *
 * @param app {@code namespace/name}
 * @param trigger what fired
 * @param revision the revision it is about
 * @param service the recipient
 * @param outcome {@code sent}, or why it failed (HTTP status or error; never the URL, which may
 *     hold a token)
 */
public record Delivery(
    String app, Trigger trigger, String revision, String service, String outcome) {}
