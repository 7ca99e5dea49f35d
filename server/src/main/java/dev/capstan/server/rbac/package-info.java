/**
 * Argo CD's RBAC, evaluated by jCasbin with a model equivalent to Argo CD's: policy lines {@code p,
 * subject, resource, action, object, allow|deny}, role assignments {@code g, subject, role}, glob
 * matching on resource, action and object, and deny overriding allow. {@link RbacPolicy} is the
 * immutable facade; {@link PolicyCsv} reads Argo's CSV format; {@link BuiltinPolicy} holds {@code
 * role:readonly} and {@code role:admin}.
 */
package dev.capstan.server.rbac;
