/**
 * Field specs: kustomize's "where in which kinds" paths, the built-in defaults as data ({@code
 * defaults.yaml} beside this package), custom {@code configurations}, and the walker that visits
 * the fields a spec names.
 */
package dev.capstan.kustomize.fieldspec;
