/** {@code capstan build}: the Kustomize engine on the command line. */
package dev.capstan.cli.build;
