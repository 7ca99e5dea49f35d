/**
 * Comparing desired objects with live ones.
 *
 * <p>The comparison is made against what the API server says the object would become: {@link
 * dev.capstan.engine.diff.ServerSideDryRun} sends the desired object as a server-side apply with
 * {@code dryRun=All}, field manager {@code capstan} and forced conflicts, exactly as the sync
 * applies it. Both sides of the comparison therefore carry the same server defaults, admission
 * mutations and fields of other managers, and only what a sync would really change shows up. {@link
 * dev.capstan.engine.diff.ObjectComparator} then normalises both sides (server-maintained fields,
 * {@link dev.capstan.engine.diff.IgnoreDifference} rules by JSON pointer, jq path or field manager)
 * and masks Secret values, and renders a unified diff over sorted YAML for humans.
 *
 * <p>Secrets: no value of a Secret's {@code data} or {@code stringData} ever leaves this package;
 * values are replaced by {@code ++++++++} masks that stay equal for equal values, so a diff shows
 * which keys differ and nothing else.
 */
package dev.capstan.engine.diff;
