/** {@code capstan account}: the logged-in account, through the Capstan server. */
package dev.capstan.cli.account;
