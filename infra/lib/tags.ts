// The tag keys that say what labenv owns. The reconciler's permissions are
// written against these keys, so they must match what the reconciler writes.

/** Every data-plane resource the reconciler creates carries the lab it belongs to. */
export const LAB_TAG = "labenv:lab";

/** Marks the control plane deployed by `infra/` (never changed by the reconciler). */
export const COMPONENT_TAG = "labenv:component";
