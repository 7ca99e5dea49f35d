/**
 * Local accounts and sessions: bcrypt password hashes and token ids in {@code capstan-secret},
 * account capabilities in {@code capstan-cm} ({@code accounts.<name>: apiKey, login}), HS256
 * session and API tokens ({@link TokenService}), login rate limiting ({@link LoginLimiter}) and the
 * first-start bootstrap of the {@code admin} password ({@link SecretBootstrap}).
 */
package dev.capstan.server.auth;
