import { LabenvError } from "../errors.js";

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** `genomics-core/rnaseq` → the same, checked; anything else is a usage error. */
export function parseEnvironmentKey(text: string): string {
  const parts = text.replace(/\/+$/, "").split("/");
  if (parts.length === 2 && parts.every((p) => NAME.test(p))) return parts.join("/");
  throw new LabenvError("usage", `not an environment: ${JSON.stringify(text)}`, {
    hint: "name it as <lab>/<env>, e.g. genomics-core/rnaseq",
  });
}
