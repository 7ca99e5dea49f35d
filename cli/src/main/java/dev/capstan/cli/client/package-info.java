/**
 * The CLI's side of the Capstan API server: the config file that {@code capstan login} writes and
 * an HTTP client that turns the server's answers into values or one-line errors.
 */
package dev.capstan.cli.client;
