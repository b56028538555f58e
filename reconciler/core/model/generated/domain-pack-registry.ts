/* Generated from schemas/domain-pack-registry.schema.json by `npm run gen:types`. Do not edit. */

/**
 * The generated index of every domain pack version with its checksum. Written by `labenv packs index` to `domain-packs/registry.yaml`; `labenv packs verify` fails when a published version changed in place.
 */
export interface DomainPackRegistry {
  /**
   * The labenv document format version. Always `labenv.westtek.io/v1`.
   */
  apiVersion: "labenv.westtek.io/v1";
  /**
   * The document kind: `DomainPackRegistry`.
   */
  kind: "DomainPackRegistry";
  metadata: {
    /**
     * Always `registry`.
     */
    name: "registry";
    /**
     * When `labenv packs publish` wrote this index (UTC). Part of what the index signature signs.
     */
    published?: string;
    /**
     * The publisher's Ed25519 signature over `labenv-index-v1`, `published` and the sha256 of the canonical `spec` (written by `labenv packs publish --key`). Consumers check it with the key in their own `packTrust.keys`.
     */
    signature?: {
      /**
       * The signing key's id.
       */
      keyId: string;
      /**
       * The 64-byte signature in base64url.
       */
      value: string;
    };
  };
  spec: {
    /**
     * Packs by name.
     */
    packs: {
      /**
       * One pack: its latest version, trust level and every published version.
       */
      [k: string]:
        | {
            /**
             * The highest published, non-yanked version.
             */
            latest: string;
            /**
             * The trust level of the latest version: `verified`, `community` or `experimental`.
             */
            trust: "verified" | "community" | "experimental";
            /**
             * What the pack is for (from its latest version).
             */
            description?: string;
            /**
             * The latest version's keywords.
             *
             * @maxItems 20
             */
            keywords?:
              | []
              | [string]
              | [string, string]
              | [string, string, string]
              | [string, string, string, string]
              | [string, string, string, string, string]
              | [string, string, string, string, string, string]
              | [string, string, string, string, string, string, string]
              | [string, string, string, string, string, string, string, string]
              | [string, string, string, string, string, string, string, string, string]
              | [string, string, string, string, string, string, string, string, string, string]
              | [
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string
                ]
              | [
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string
                ]
              | [
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string
                ]
              | [
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string
                ]
              | [
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string
                ]
              | [
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string
                ]
              | [
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string
                ]
              | [
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string
                ]
              | [
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string
                ]
              | [
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string,
                  string
                ];
            /**
             * The names of the packages the latest version pins, so a search finds a pack by what it holds.
             *
             * @maxItems 2000
             */
            packages?: string[];
            /**
             * The latest version's kernels, as `<name> <language>`.
             *
             * @maxItems 50
             */
            kernels?: string[];
            /**
             * Versions by semver string.
             */
            versions: {
              /**
               * One published version.
               */
              [k: string]:
                | {
                    /**
                     * sha256 of the version's canonical content. A published version is immutable: `labenv packs verify` fails when this changes.
                     */
                    checksum: string;
                    /**
                     * The redirect (`pack@range`) when the version is deprecated.
                     */
                    deprecated?: string;
                    /**
                     * True when the version is yanked: ranges never choose it.
                     */
                    yanked?: boolean;
                    /**
                     * The publisher's Ed25519 signature over `labenv-pack-v1`, the pack name, version and checksum (written by `labenv packs publish`).
                     */
                    signature?: {
                      /**
                       * The signing key's id.
                       */
                      keyId: string;
                      /**
                       * The 64-byte signature in base64url.
                       */
                      value: string;
                    };
                  }
                | undefined;
            };
          }
        | undefined;
    };
  };
}
