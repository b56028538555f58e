import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { drift } from "../../../reconciler/core/drift/drift.js";
import {
  proposalFiles,
  proposeDriftChange,
  type ProposalInput,
} from "../../../reconciler/core/drift/propose-change.js";
import { renderDriftPullRequest } from "../../../reconciler/core/drift/render-drift-pull-request.js";
import { effectiveRules } from "../../../reconciler/core/drift/severity-rules.js";
import { checkLock } from "../../../reconciler/core/lock/check-lock.js";
import type { Environment, EnvironmentLock } from "../../../reconciler/core/model/documents.js";
import { packChecksum } from "../../../reconciler/core/packs/checksum.js";
import { caseNames, loadCase } from "./golden-case.js";
import { expectGolden } from "../../helpers/golden.js";

const golden = (dir: string, file: string, actual: string) => expectGolden(join(dir, file), actual);

describe("golden drift cases (test/fixtures/drift/<case>: input + observation → report → pull request)", () => {
  for (const name of caseNames()) {
    it(name, () => {
      const c = loadCase(name);
      const key = c.input.environment;
      const env = c.repository.environments.get(key)!;
      const lock = c.repository.locks.get(key)!;
      const report = drift({
        lock: lock.doc,
        ...(c.observation ? { observation: c.observation } : {}),
        infra: c.infra,
        rules: effectiveRules(c.lab),
      });
      golden(c.dir, "report.json", `${JSON.stringify(report, null, 2)}\n`);
      if (report.status === "STABLE") {
        expect(report.items).toEqual([]);
        return;
      }
      const pack = c.repository.packs.get(
        `${lock.doc.spec.domainPack.name}@${lock.doc.spec.domainPack.version}`,
      )!.doc;
      const input: ProposalInput = {
        report,
        environment: { file: env.file, text: env.text, doc: env.doc },
        lock: { file: lock.file, doc: lock.doc },
        pack,
        packChecksum: packChecksum(pack),
        index: c.index,
        ...(c.observation ? { observation: c.observation } : {}),
      };
      const proposal = proposeDriftChange(input);
      const written = proposalFiles(input, proposal);
      expect(written.map((f) => f.path)).toEqual(proposal.paths);
      const text = renderDriftPullRequest({
        report,
        proposal,
        packLabel: `${pack.metadata.name}@${pack.metadata.version}`,
        lockFile: lock.file,
        where: "aws eu-west-1 / cluster labenv",
        reviewers: ["rpatel (@rpatel-bio)", "mchen (@meichen-lab)"],
      });
      golden(c.dir, "pull-request.md", `# ${text.title}\n\n${text.body}`);
      const files = Object.fromEntries(written.map((f) => [f.path, f.content]));
      golden(
        c.dir,
        "proposal.json",
        `${JSON.stringify(
          {
            accepted: proposal.accepted.map((i) => `${i.item} ${i.name} ${i.change}`),
            kept: proposal.kept.map(
              (k) => `${k.item.item} ${k.item.name} ${k.item.change}: ${k.reason}`,
            ),
            requirementsAdded: proposal.requirementsAdded,
            requirementsRemoved: proposal.requirementsRemoved,
            files: proposal.paths,
          },
          null,
          2,
        )}\n`,
      );
      if (proposal.paths.length === 0) return;
      // What the pull request writes is a lock `labenv lock --check` accepts, and it says what runs.
      const newEnv = files[env.file] ? (parse(files[env.file]!) as Environment) : env.doc;
      const newLock = parse(files[lock.file]!) as EnvironmentLock;
      const against = { env: newEnv, pack, packChecksum: packChecksum(pack), index: c.index };
      const edited = checkLock({
        ...against,
        lock: { ...newLock, spec: { ...newLock.spec, inputDigest: `sha256:${"0".repeat(64)}` } },
      });
      expect(edited.status !== "fresh" && edited.versionsHold).toBe(true);
      expect(edited.status !== "fresh" && edited.findings.map((f) => f.path.join("."))).toEqual([
        "spec.inputDigest",
      ]);
      expect(checkLock({ ...against, lock: newLock })).toEqual({ status: "fresh" });
      const after = drift({
        lock: newLock,
        ...(c.observation ? { observation: c.observation } : {}),
        infra: { desired: [], observed: [] },
        rules: effectiveRules(c.lab),
      });
      expect(after.items.map((i) => `${i.item} ${i.name}`)).toEqual(
        proposal.kept
          .filter((k) => k.item.item !== "infrastructure")
          .map((k) => `${k.item.item} ${k.item.name}`),
      );
    });
  }
});
