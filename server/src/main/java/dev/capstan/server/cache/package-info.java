/** Capstan server: cache. */
package dev.capstan.server.cache;
