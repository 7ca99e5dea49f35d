/**
 * Shared scalar values, a kustomize quirk the output depends on. kustomize's label and annotation
 * transformers put one YAML node object at every place of a resource where they add a key (say
 * {@code team} in {@code metadata.labels}, {@code spec.selector.matchLabels} and the pod template
 * labels), and later steps that change a value in place (label and annotation transformers,
 * strategic merge patches, replacements) change that node, hence every place sharing it. A base's
 * {@code commonLabels: {team: a}} followed by an overlay's {@code labels: [{pairs: {team: b}}]}
 * therefore changes the selectors too. {@link dev.capstan.kustomize.alias.ValueAliases} tracks
 * these groups and reproduces the effect.
 */
package dev.capstan.kustomize.alias;
