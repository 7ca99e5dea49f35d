/** {@code capstan admin}: local administration — the initial admin password and RBAC checks. */
package dev.capstan.cli.admin;
