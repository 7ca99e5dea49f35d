/**
 * Real git servers on loopback for tests: bare repositories written like JGit's {@code
 * TestRepository}, served over git smart HTTP ({@link dev.capstan.testsupport.git.GitHttpServer})
 * and over SSH ({@link dev.capstan.testsupport.git.GitSshServer}).
 *
 * <p>Start with {@link dev.capstan.testsupport.git.GitFixture}: it owns a temporary directory,
 * creates bare repositories in it ({@link dev.capstan.testsupport.git.FixtureRepository}), writes
 * commits from in-memory files or a folder ({@link dev.capstan.testsupport.git.CommitBuilder}) and
 * starts servers that listen on {@code 127.0.0.1} with an ephemeral port. Servers can be stopped
 * and restarted on the same port to simulate an unreachable git host. Nothing here is mocked: the
 * servers run JGit's {@code UploadPack}/{@code ReceivePack}, the same code a JGit-based git host
 * runs.
 */
package dev.capstan.testsupport.git;
