import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import semver from "semver";
import { LabenvError } from "../../core/errors.js";
import { resolvePack } from "../../core/packs/resolve-pack.js";
import { buildRegistry, renderRegistry, verifyRegistry } from "../../core/packs/registry.js";
import { packChecksum } from "../../core/packs/checksum.js";
import type { Loaded } from "../../core/model/documents.js";
import type { CliIO } from "../io.js";
import { loadFromDisk } from "../load.js";
import { registerPackRegistry, searchRegistries } from "./pack-registry.js";
import { packExamplesRule } from "../../core/validate/rules/pack-examples.js";
import { packSources } from "../../core/validate/rules/pack-sources.js";

export function registerPacks(program: Command, io: CliIO): void {
  const packs = program
    .command("packs")
    .description("domain packs: index, list, show, search, verify; browse and add from registries");
  const repoOpt = (c: Command) =>
    c.option("--repo <dir>", "repository directory", ".").option("--json", "print as JSON");

  repoOpt(
    packs
      .command("index")
      .description("write domain-packs/registry.yaml with every version's checksum"),
  ).action((o: { repo: string; json?: boolean }) => {
    const { repository } = loadFromDisk(o.repo);
    const problems = verifyRegistry(repository, repository.registry?.doc).filter(
      (p) =>
        !p.message.includes("not in the registry yet") && !p.message.includes("does not exist"),
    );
    if (problems.length > 0) {
      for (const p of problems) io.err(`✖ ${p.message}\n    ${p.hint}`);
      throw new LabenvError(
        "usage",
        "refusing to re-index: published versions changed or disappeared",
        { hint: "revert those edits; `labenv packs verify` lists them" },
      );
    }
    const registry = buildRegistry(repository);
    writeFileSync(join(o.repo, "domain-packs/registry.yaml"), renderRegistry(registry));
    const count = Object.values(registry.spec.packs).reduce(
      (n, p) => n + Object.keys(p?.versions ?? {}).length,
      0,
    );
    io.out(
      o.json
        ? JSON.stringify(registry, null, 2)
        : `wrote domain-packs/registry.yaml: ${Object.keys(registry.spec.packs).length} packs, ${count} versions`,
    );
  });

  repoOpt(
    packs.command("list").description("every pack with its latest version and trust level"),
  ).action((o: { repo: string; json?: boolean }) => {
    const registry = buildRegistry(loadFromDisk(o.repo).repository);
    if (o.json) return io.out(JSON.stringify(registry.spec.packs, null, 2));
    for (const [name, p] of Object.entries(registry.spec.packs)) {
      const versions = Object.entries(p!.versions).map(
        ([v, e]) => `${v}${e?.yanked ? " (yanked)" : e?.deprecated ? " (deprecated)" : ""}`,
      );
      io.out(
        `${name.padEnd(12)} latest ${p!.latest.padEnd(8)} ${p!.trust.padEnd(12)} ${versions.join(", ")}\n${" ".repeat(13)}${p!.description ?? ""}`,
      );
    }
  });

  repoOpt(
    packs
      .command("show")
      .description("one pack version: image, Python, kernels, every pinned package")
      .argument("<pack>", "name or name@range"),
  ).action((ref: string, o: { repo: string; json?: boolean }) => {
    const { repository } = loadFromDisk(o.repo);
    const r = resolvePack(repository, ref.includes("@") ? ref : `${ref}@*`);
    if (!r.ok) throw new LabenvError("usage", r.message);
    const p = r.pack.doc;
    if (o.json) return io.out(JSON.stringify({ ...p, checksum: packChecksum(p) }, null, 2));
    io.out(describePack(r.pack));
  });

  repoOpt(
    packs
      .command("search")
      .description(
        "find packs whose name, description, keywords, packages or kernels match all words",
      )
      .argument("<words...>")
      .option(
        "--registry [name]",
        "search the configured registries' indexes instead, or only this one",
      ),
  ).action(
    async (words: string[], o: { repo: string; json?: boolean; registry?: string | true }) => {
      if (o.registry !== undefined)
        return searchRegistries(
          io,
          o.repo,
          words,
          o.registry === true ? undefined : o.registry,
          o.json,
        );
      const { repository } = loadFromDisk(o.repo);
      const needles = words.map((w) => w.toLowerCase());
      const hits = [...repository.packs.values()]
        .filter((p) => {
          const hay = [
            p.doc.metadata.name,
            p.doc.spec.description,
            ...(p.doc.spec.keywords ?? []),
            ...Object.keys(p.doc.spec.packages),
            ...p.doc.spec.kernels.map((k) => `${k.name} ${k.language}`),
          ]
            .join(" ")
            .toLowerCase();
          return needles.every((n) => hay.includes(n));
        })
        .sort(
          (a, b) =>
            a.doc.metadata.name.localeCompare(b.doc.metadata.name) ||
            semver.rcompare(a.doc.metadata.version, b.doc.metadata.version),
        );
      if (o.json)
        return io.out(
          JSON.stringify(hits.map((h) => `${h.doc.metadata.name}@${h.doc.metadata.version}`)),
        );
      if (hits.length === 0) {
        // Only this repository's packs were searched: say where else to look.
        const registries = (repository.config?.doc.spec.packRegistries ?? []).map((r) => r.name);
        io.out(
          `no pack in domain-packs/ matches ${words.join(" ")}${registries.length > 0 ? `; \`labenv packs search ${words.join(" ")} --registry\` searches the registries (${registries.join(", ")})` : ""}`,
        );
      }
      for (const h of hits)
        io.out(
          `${h.doc.metadata.name}@${h.doc.metadata.version}  ${h.doc.spec.trust}  ${h.doc.spec.description}`,
        );
    },
  );

  repoOpt(
    packs
      .command("verify")
      .description(
        "recompute every checksum and check vendored packs' signatures; fail when a published version changed",
      ),
  ).action((o: { repo: string; json?: boolean }) => {
    const { repository } = loadFromDisk(o.repo);
    const problems = [
      ...verifyRegistry(repository, repository.registry?.doc),
      // Vendored versions: still what their registry published, signed by a trusted key.
      ...packSources
        .check(repository, { today: io.today() })
        .filter((d) => d.severity === "error")
        .map((d) => ({ pack: d.file, message: d.message, hint: d.hint ?? "" })),
      // Example notebooks: each exactly the one spec.examples lists (so the checksum covers it).
      ...packExamplesRule
        .check(repository, { today: io.today() })
        .map((d) => ({ pack: d.file, message: d.message, hint: d.hint ?? "" })),
    ];
    const vendored = [...repository.packs.values()].filter((p) => p.doc.spec.source).length;
    if (o.json) io.out(JSON.stringify({ ok: problems.length === 0, problems }, null, 2));
    else if (problems.length === 0)
      io.out(
        `✓ ${repository.packs.size} pack versions match domain-packs/registry.yaml${vendored ? `; ${vendored} from registries match their published checksums and trusted signatures` : ""}`,
      );
    else for (const p of problems) io.out(`✖ ${p.message}\n    ${p.hint}`);
    io.exit(problems.length === 0 ? 0 : 1);
  });

  registerPackRegistry(packs, io);
}

function describePack(pack: Loaded<"DomainPack">): string {
  const p = pack.doc;
  const lines = [
    `${p.metadata.name}@${p.metadata.version}  (${p.spec.trust})${p.spec.deprecated ? `  DEPRECATED → ${p.spec.deprecated.use}` : ""}${p.spec.yanked ? `  YANKED: ${p.spec.yanked.reason}` : ""}`,
    `  ${p.spec.description}`,
    `  image     ${p.spec.image}`,
    `  python    ${p.spec.python}`,
    `  kernels   ${p.spec.kernels.map((k) => `${k.name} (${k.language}${k.version ? ` ${k.version}` : ""})`).join(", ")}`,
    `  checksum  ${packChecksum(p)}`,
    `  maintainer ${p.spec.maintainer.name} (@${p.spec.maintainer.github})`,
    "  packages",
    ...Object.entries(p.spec.packages).map(([n, v]) => `    ${n}==${v}`),
  ];
  return lines.join("\n");
}
