/**
 * YAML in and out: {@link dev.capstan.kustomize.yaml.YamlReader} parses text into content trees,
 * {@link dev.capstan.kustomize.yaml.YamlEmitter} writes trees byte-identical to {@code kubectl
 * kustomize} (go-yaml v2 marshalling of the JSON form: sorted keys, its quoting and folding).
 */
package dev.capstan.kustomize.yaml;
