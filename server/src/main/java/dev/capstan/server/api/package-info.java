/** Capstan server: api. */
package dev.capstan.server.api;
