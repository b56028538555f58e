import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { readRepositoryFiles } from "../adapters/fs/read-repository-files.js";
import { FileStateStore } from "../adapters/file/file-state-store.js";
import { DirectoryObjectStore } from "../adapters/file/directory-object-store.js";
import { currentCommit } from "../adapters/git/current-commit.js";
import { readEmbeddedIndex } from "../adapters/package-index/embedded-index.js";
import { SandboxProvider } from "../adapters/sandbox/sandbox-provider.js";
import { LabenvError } from "../core/errors.js";
import type { RepoFile } from "../core/load/load-repository.js";
import type { PackageIndexData } from "../core/lock/package-index.js";
import type { RepoConfig } from "../core/model/documents.js";
import { createSchemaValidator, type SchemaCheck } from "../core/validate/schema-validator.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { Provider } from "../ports/provider.js";
import type { StateStore } from "../ports/state-store.js";
import { loadFromDisk } from "./load.js";

/** Everything a command that talks to the provider needs, built from labenv.yaml. */
export interface RunContext {
  dir: string;
  files: RepoFile[];
  config: RepoConfig["spec"];
  commit: string;
  index: PackageIndexData;
  provider: Provider;
  state: StateStore;
  objects: ObjectStore;
  check: SchemaCheck;
  runId: string;
  owner: string;
}

export function openContext(dir: string, now: () => Date): RunContext {
  const { repository } = loadFromDisk(dir);
  const config: RepoConfig["spec"] = repository.config?.doc.spec ?? { target: "sandbox" };
  const stateDir = join(dir, config.state?.directory ?? ".labenv");
  let provider: Provider;
  if (config.target === "sandbox") provider = new SandboxProvider(stateDir, { ...(config.aws?.region ? { region: config.aws.region } : {}), ...(config.aws?.cluster ? { cluster: config.aws.cluster } : {}), now });
  else throw new LabenvError("config", "target: aws needs the AWS provider, which this command line does not build yet", { hint: "use target: sandbox, or run the reconciler Lambda" });
  if (config.state?.store === "dynamodb") throw new LabenvError("config", "state.store: dynamodb is used by the reconciler Lambda; the command line keeps state in files", { hint: "set state.store: file" });
  return {
    dir, files: readRepositoryFiles(dir), config, commit: currentCommit(dir), index: readEmbeddedIndex(dir, repository),
    provider, state: new FileStateStore(join(stateDir, "state")), objects: new DirectoryObjectStore(join(stateDir, "objects")),
    check: createSchemaValidator(), runId: randomBytes(6).toString("hex"), owner: `${hostname()}:${process.pid}`,
  };
}
