/**
 * The web UI's static files: the built {@code capstan-ui} module on the class path, served at
 * {@code /} with content types, caching and history routing ({@link UiHandler}).
 */
package dev.capstan.server.ui;
