/** The {@code capstan} command line: one class per subcommand. */
package dev.capstan.cli;
