package dev.capstan.testsupport.git;

/**
 * One request a fixture server served, for tests that assert how much traffic a client caused.
 *
 * <p>HTTP requests are logged before the response is sent, so once a client has its answer the
 * request is in {@link GitHttpServer#requests()}. SSH commands are logged when they exit, which may
 * be just after the client has finished: wait for them (Awaitility).
 *
 * @param transport {@code http} or {@code ssh}
 * @param repository repository name as requested (e.g. {@code apps.git})
 * @param service {@code git-upload-pack} or {@code git-receive-pack}
 * @param command what was asked: {@code advertise} (HTTP {@code info/refs}), the protocol-v2
 *     command ({@code ls-refs}, {@code fetch}), or {@code v0} for a protocol-v0 pack exchange
 * @param status HTTP status sent, or the exit code of the SSH command
 */
public record GitRequest(
    String transport, String repository, String service, String command, int status) {}
