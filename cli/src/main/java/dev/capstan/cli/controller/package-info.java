/** {@code capstan controller}: runs the Argo CD application controller out of cluster. */
package dev.capstan.cli.controller;
