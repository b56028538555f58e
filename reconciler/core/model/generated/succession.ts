/* Generated from schemas/succession.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A researcher hand-over: what one member owned passes to another member of the same lab, with nothing lost. Needs the lab PI's approval (and the outgoing researcher's while still a member). Lives at `environments/<lab>/successions/<name>.yaml`.
 */
export interface Succession {
  /**
   * The labenv document format version. Always `labenv.westtek.io/v1`.
   */
  apiVersion: "labenv.westtek.io/v1";
  /**
   * The document kind: `Succession`.
   */
  kind: "Succession";
  metadata: {
    /**
     * The succession's name. Must equal the file name without `.yaml`.
     */
    name: string;
    /**
     * The lab. Must equal the directory: `environments/<lab>/successions/`.
     */
    lab: string;
    /**
     * Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.
     */
    labels?: {
      [k: string]: string | undefined;
    };
  };
  spec: {
    /**
     * The outgoing member.
     */
    from: string;
    /**
     * The member who takes over.
     */
    to: string;
    /**
     * The environments handed over. Default: every environment `from` owns.
     *
     * Items: A lower-case name that is safe as a path segment and a DNS label: letters, digits and inner hyphens, at most 63 characters.
     */
    environments?: string[];
    /**
     * The day the hand-over takes effect.
     */
    effective: string;
    /**
     * Why (graduation, end of contract, leave).
     */
    reason: string;
    /**
     * What happens to the outgoing member's data.
     */
    data?: {
      /**
       * Snapshot every environment handed over before ownership changes.
       */
      snapshotFirst?: boolean;
      /**
       * Write a hand-over package (locks, snapshot ids, a README) to the object store.
       */
      handoverPackage?: boolean;
      /**
       * Days the outgoing member keeps read access to their old home.
       */
      keepAccessDays?: number;
    };
  };
}
