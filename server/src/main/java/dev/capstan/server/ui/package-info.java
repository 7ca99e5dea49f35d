/**
 * The web UI's static files: the built {@code capstan-ui} module on the class path, served at
 * {@code /} with content types, caching and history routing ({@link UiHandler}); and the commit
 * details of the UI's history ({@link RevisionMetadataHandler}), read from the Application's Git
 * sources with the controller's repository credentials ({@link RepositorySecrets}, {@link
 * FetchCredentials}).
 */
package dev.capstan.server.ui;
