package dev.capstan.testsupport.git;

/**
 * One request a fixture server served, for tests that assert how much traffic a client caused.
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
