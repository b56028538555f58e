/* Generated from schemas/domain-pack.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A curated, versioned research stack: base image by digest, Python, a fully pinned package set, kernels, JupyterLab extensions and defaults. Lives at `domain-packs/<name>/<version>/pack.yaml`. A published version is immutable: publish a new version instead of editing one.
 */
export interface DomainPack {
  /**
   * The labenv document format version. Always `labenv.westtek.io/v1`.
   */
  apiVersion: "labenv.westtek.io/v1";
  /**
   * The document kind: `DomainPack`.
   */
  kind: "DomainPack";
  metadata: {
    /**
     * The pack name. Must equal the directory: `domain-packs/<name>/`.
     */
    name: string;
    /**
     * The pack version (semver). Must equal the directory: `domain-packs/<name>/<version>/`.
     */
    version: string;
    /**
     * Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.
     */
    labels?: {
      [k: string]: string | undefined;
    };
  };
  spec: {
    /**
     * What the stack is for.
     */
    description: string;
    /**
     * Words people search for (`rna-seq`, `single-cell`, `climate`): lower case, at most 20. Published in the registry's index, so `labenv packs search --registry` finds the pack by them.
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
      | [string, string, string, string, string, string, string, string, string, string, string]
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
     * Example notebooks shipped with the pack, at most 20: built into the environment image and placed in `examples/` of a new environment's home on its first start; never over a file already there.
     *
     * @maxItems 20
     */
    examples?:
      | []
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ]
      | [
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          },
          {
            /**
             * A notebook in this version's `examples/` directory (at most 1 MiB).
             */
            file: string;
            /**
             * The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees.
             */
            sha256: string;
          }
        ];
    /**
     * Who curates the pack.
     */
    maintainer: {
      /**
       * The maintainer's full name.
       */
      name: string;
      /**
       * The maintainer's GitHub login; asked to review changes to the pack.
       */
      github: string;
      /**
       * Where to reach the maintainer.
       */
      email?: string;
    };
    /**
     * `verified`: built and tested by research computing; `community`: maintained by a lab; `experimental`: use at your own risk.
     */
    trust: "verified" | "community" | "experimental";
    /**
     * A container image pinned by digest (`registry/repo@sha256:<64 hex>`). Tags are not accepted: a tag can move, a digest cannot.
     */
    image: string;
    /**
     * An exact CPython version, e.g. `3.11.9`.
     */
    python: string;
    /**
     * Every Python package in the image with its exact version (`numpy: 1.26.4`). Keys are PEP 503 normalized names.
     */
    packages: {
      /**
       * An exact PEP 440 release version.
       */
      [k: string]: string | undefined;
    };
    /**
     * Software in the image that is not a Python package, so that `labenv import` can tell a researcher which of their apt.txt, install.R and conda entries the pack already provides. Names as the package manager spells them.
     */
    provides?: {
      /**
       * System packages (Debian apt and conda names, e.g. `cdo`, `libgdal-dev`) with their versions.
       */
      system?: {
        /**
         * The version in the image, as its package manager reports it.
         */
        [k: string]: string | undefined;
      };
      /**
       * R packages (CRAN/Bioconductor names, e.g. `ggplot2`, `DESeq2`) with their versions; `R` itself for the R version.
       */
      r?: {
        /**
         * The version in the image, as its package manager reports it.
         */
        [k: string]: string | undefined;
      };
    };
    /**
     * The kernels the image provides.
     *
     * @minItems 1
     */
    kernels: [
      {
        /**
         * The kernelspec name Jupyter uses (`python3`, `ir`, `julia-1.10`).
         */
        name: string;
        /**
         * The kernel's language.
         */
        language: "python" | "R" | "julia";
        /**
         * The name shown in JupyterLab's launcher.
         */
        displayName?: string;
        /**
         * The language runtime version the kernel runs (R 4.4.1, Julia 1.10.5).
         */
        version?: string;
      },
      ...{
        /**
         * The kernelspec name Jupyter uses (`python3`, `ir`, `julia-1.10`).
         */
        name: string;
        /**
         * The kernel's language.
         */
        language: "python" | "R" | "julia";
        /**
         * The name shown in JupyterLab's launcher.
         */
        displayName?: string;
        /**
         * The language runtime version the kernel runs (R 4.4.1, Julia 1.10.5).
         */
        version?: string;
      }[]
    ];
    /**
     * JupyterLab extensions installed in the image.
     */
    extensions?: {
      /**
       * The JupyterLab extension's npm package name.
       */
      name: string;
      /**
       * The exact extension version.
       */
      version: string;
    }[];
    /**
     * Defaults for environments that use the pack.
     */
    defaults?: {
      /**
       * Compute and storage for the Jupyter task.
       */
      resources?: {
        /**
         * Fargate CPU units (1024 = 1 vCPU). Each value allows only certain memory sizes; `labenv validate` checks the pair.
         */
        cpu: 256 | 512 | 1024 | 2048 | 4096 | 8192 | 16384;
        /**
         * Memory in MiB. Must be a size Fargate offers for the chosen cpu (e.g. cpu 1024 allows 2048–8192 in steps of 1024).
         */
        memory: number;
        /**
         * Size in GiB of the EBS volume mounted at `/opt/jupyter` (installed packages and kernels).
         */
        storageGiB?: number;
      };
      /**
       * Jupyter server and lab settings, as `Section.option: value` (e.g. `ServerApp.shutdown_no_activity_timeout: 3600`). Tokens and passwords are never set here: access goes through the load balancer.
       */
      jupyterConfig?: {
        [k: string]: string | number | boolean | unknown[] | {} | null | undefined;
      };
    };
    /**
     * Datasets every environment of this pack mounts.
     */
    mounts?: {
      /**
       * The lab's shared dataset (a directory on the lab's EFS file system, mounted through its own access point).
       */
      dataset: string;
      /**
       * Where the dataset appears in the container, under `/data`.
       */
      path: string;
      /**
       * Mount read-only (the default) so analyses cannot change reference data.
       */
      readOnly?: boolean;
    }[];
    /**
     * Where the labenv observation agent lives in the image (it reports installed packages, kernels and extensions for drift detection).
     */
    agent?: {
      /**
       * Path of the agent script inside the image.
       */
      path: string;
      /**
       * How often the agent reports, in minutes.
       */
      intervalMinutes?: number;
    };
    /**
     * Marks this version as deprecated: environments that use it get a warning that says what to move to.
     */
    deprecated?: {
      /**
       * The pack and range to move to, e.g. `genomics@^2`.
       */
      use: string;
      /**
       * Why the version is deprecated, shown with the warning.
       */
      reason?: string;
    };
    /**
     * A yanked version is never chosen by a range; a lock on it is stale until `labenv lock` moves it to the highest version in the range that is not yanked.
     */
    yanked?: {
      /**
       * Why the version was yanked (a broken build, a security problem).
       */
      reason: string;
    };
    /**
     * Where a vendored version came from, written by `labenv packs add`/`update`; absent for packs written in this repository. Not part of the checksum.
     */
    source?: {
      /**
       * The `packRegistries` entry in labenv.yaml it was added from.
       */
      registry: string;
      /**
       * The file it was read from.
       */
      url: string;
      /**
       * The checksum the registry published for it; `validate` and `packs verify` fail when the vendored copy no longer matches.
       */
      checksum: string;
      /**
       * An Ed25519 signature over `labenv-pack-v1`, the pack name, version and checksum (one per line).
       */
      signature?: {
        /**
         * The signing key's id (see `packTrust.keys` in labenv.yaml).
         */
        keyId: string;
        /**
         * The 64-byte signature in base64url.
         */
        value: string;
      };
      /**
       * The `metadata.published` of the signed registry index this version was added from. The newest of these over a registry's vendored versions is the newest index labenv has seen from it: an index published earlier (a replay) is refused.
       */
      indexPublished?: string;
    };
  };
}
