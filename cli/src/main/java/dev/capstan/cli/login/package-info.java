/** {@code capstan login} and {@code capstan logout}: sessions with a Capstan server. */
package dev.capstan.cli.login;
