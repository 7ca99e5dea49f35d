/**
 * What an application owns: ownership marks on live objects and the inventory of what was applied.
 *
 * <p>Two dialects, one model. Argo CD marks every object it applies with the annotation {@code
 * argocd.argoproj.io/tracking-id: <app>:<group>/<kind>:<namespace>/<name>} ({@link
 * dev.capstan.engine.inventory.TrackingId}, {@link
 * dev.capstan.engine.inventory.TrackingIdOwnership}) and lists the managed objects in the
 * Application's status. Flux labels objects with the Kustomization's name and namespace ({@link
 * dev.capstan.engine.inventory.LabelOwnership}) and keeps an inventory of entries {@code
 * <namespace>_<name>_<group>_<kind>} plus version in status ({@link
 * dev.capstan.engine.inventory.InventoryEntry}). The engine needs both halves: the {@link
 * dev.capstan.engine.inventory.Inventory} says which objects to look at, the {@link
 * dev.capstan.engine.inventory.Ownership} mark on the live object says whether it is really ours.
 * Pruning deletes only objects that pass both, so an object Capstan did not create is never
 * deleted, even when someone adds it to an inventory.
 */
package dev.capstan.engine.inventory;
