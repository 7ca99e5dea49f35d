/** {@code capstan server}: runs the API server of the {@code capstan-server} module. */
package dev.capstan.cli.server;
