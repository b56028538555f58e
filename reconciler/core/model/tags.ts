/** The tags labenv puts on everything it owns. */
export const TAG = {
  lab: "labenv:lab",
  environment: "labenv:environment",
  resource: "labenv:resource",
  specHash: "labenv:spec-hash",
  managedBy: "labenv:managed-by",
  /** Set on an access point that was replaced: kept with its data, no longer used or observed. */
  retired: "labenv:retired",
} as const;
