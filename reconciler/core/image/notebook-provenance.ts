import { LabenvError } from "../errors.js";

/** What the image's pre-save hook (reconciler/agent/labenv_jupyter.py) records in a notebook. */
export interface NotebookProvenance {
  lab: string;
  environment: string;
  lockDigest: string;
  image?: string;
}

/** A version of an environment's lock on main: the commit that wrote it and its digest. */
export interface LockVersion {
  commit: string;
  date: string;
  digest: string;
}

export interface WhichAnswer {
  notebook: string;
  provenance: NotebookProvenance;
  /** `current`: main's lock is the one it was saved under; `earlier`: an older commit's; `unknown`: no commit on main. */
  version: "current" | "earlier" | "unknown";
  /** The newest commit on main whose lock has the notebook's digest. */
  commit?: string;
  date?: string;
  /** How to get that environment back, for people. */
  getBack: string[];
}

/** Reads `metadata.labenv` of a notebook; a file that is not a labenv notebook is a positioned usage error. */
export function readNotebookProvenance(file: string, text: string): NotebookProvenance {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new LabenvError("usage", `${file}:1:1: not a notebook: ${(e as Error).message}`, {
      hint: "pass a .ipynb file (Jupyter's JSON notebook format)",
    });
  }
  const metadata = (doc as { metadata?: unknown } | null)?.metadata;
  const record = (metadata as { labenv?: unknown } | undefined)?.labenv as
    Record<string, unknown> | undefined;
  const text_ = (k: string) => (typeof record?.[k] === "string" ? record[k] : "");
  if (
    !record ||
    !text_("lab") ||
    !text_("environment") ||
    !/^sha256:[0-9a-f]{64}$/.test(text_("lockDigest"))
  )
    throw new LabenvError(
      "usage",
      `${file}:1:1: expected metadata.labenv with lab, environment and lockDigest (sha256:…), found ${record ? JSON.stringify(record) : "none"}`,
      {
        hint: "only notebooks saved in a labenv environment carry it: open and save it there once",
      },
    );
  return {
    lab: text_("lab"),
    environment: text_("environment"),
    lockDigest: text_("lockDigest"),
    ...(text_("image") ? { image: text_("image") } : {}),
  };
}

/** Which version of the environment a notebook was saved under, given the lock's history on main (newest first). */
export function whichVersion(
  notebook: string,
  provenance: NotebookProvenance,
  history: readonly LockVersion[],
): WhichAnswer {
  const env = `${provenance.lab}/${provenance.environment}`;
  const found = history.find((v) => v.digest === provenance.lockDigest);
  const version = !found ? "unknown" : found === history[0] ? "current" : "earlier";
  const lockPath = `environments/${env}/environment.lock.yaml`;
  const getBack =
    version === "current"
      ? [`${env} on main is this version: open the environment as it runs now`]
      : version === "earlier"
        ? [
            `git checkout ${found!.commit} -- ${lockPath}   # the lock it was saved under`,
            `commit it in a pull request: the reconciler runs the same image again (one lock, one image), no rebuild`,
          ]
        : [`no commit on main has this lock; it may come from another branch or repository`];
  if (provenance.image)
    getBack.push(`docker pull ${provenance.image}   # the exact image, by digest`);
  return {
    notebook,
    provenance,
    version,
    ...(found ? { commit: found.commit, date: found.date } : {}),
    getBack,
  };
}

export function renderWhich(a: WhichAnswer): string {
  const p = a.provenance;
  const when =
    a.version === "current"
      ? "the current version"
      : a.version === "earlier"
        ? `an earlier version, committed ${a.date} in ${a.commit!.slice(0, 12)}`
        : "a version main never had";
  return [
    `${a.notebook} was saved in ${p.lab}/${p.environment}: ${when}`,
    `  lock   ${p.lockDigest}`,
    ...(p.image ? [`  image  ${p.image}`] : []),
    "to get it back:",
    ...a.getBack.map((l) => `  ${l}`),
    "",
  ].join("\n");
}
