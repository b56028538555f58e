import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { generateSigningKey, parsePrivateKey } from "../../core/packs/pack-signature.js";
import { publishRegistry } from "../../core/packs/publish-registry.js";
import { LabenvError } from "../../core/errors.js";
import { indexedPacks } from "../../core/packs/hosted-index.js";
import { parsePackReference } from "../../core/packs/resolve-pack.js";
import { acceptedTrust, findRegistry } from "../../core/packs/trust-policy.js";
import { searchIndexes } from "../../core/packs/search-index.js";
import type { DomainPackRegistry } from "../../core/model/documents.js";
import type { CliIO } from "../io.js";
import { loadWithConfig } from "../load.js";
import { addFromRegistry, openRegistries } from "../pack-registries.js";
import { updatePacks, vendoredStatuses } from "../pack-update.js";

/** `labenv packs browse` and `packs add`: domain packs from the registries labenv.yaml configures. */
export function registerPackRegistry(packs: Command, io: CliIO): void {
  packs
    .command("browse")
    .description("every pack a configured registry publishes: versions, trust, signatures")
    .option("--registry <name>", "only this registry")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print as JSON")
    .action(async (o: { registry?: string; repo: string; json?: boolean }) => {
      const { repository } = loadWithConfig(o.repo);
      const out = [];
      for (const registry of openRegistries(repository, o.registry)) {
        const index = await registry.index();
        const accepted = acceptedTrust(registry.config);
        const packs = indexedPacks(index).map(([name, p]) => ({
          name,
          latest: p.latest,
          trust: p.trust,
          accepted: accepted.includes(p.trust),
          description: p.description ?? "",
          vendored: (repository.packVersions.get(name) ?? [])
            .filter((v) => v.doc.spec.source?.registry === registry.config.name)
            .map((v) => v.doc.metadata.version),
          versions: Object.entries(p.versions).map(([version, v]) => ({
            version,
            signedBy: v?.signature?.keyId,
            ...(v?.yanked ? { yanked: true } : {}),
            ...(v?.deprecated ? { deprecated: v.deprecated } : {}),
          })),
        }));
        out.push({ registry: registry.config.name, url: registry.config.url, packs });
      }
      if (o.json) return io.out(JSON.stringify(out, null, 2));
      for (const r of out) {
        io.out(`${r.registry}  ${r.url}`);
        if (r.packs.length === 0) io.out("  (publishes no packs)");
        for (const p of r.packs) {
          const versions = p.versions.map(
            (v) =>
              `${v.version}${v.yanked ? " (yanked)" : v.deprecated ? " (deprecated)" : ""}${v.signedBy ? "" : " (unsigned)"}`,
          );
          io.out(
            `  ${p.name.padEnd(12)} latest ${p.latest.padEnd(8)} ${p.trust}${p.accepted ? "" : " (not accepted from this registry)"}  ${versions.join(", ")}` +
              `\n  ${" ".repeat(12)} ${p.description}` +
              (p.vendored.length
                ? `\n  ${" ".repeat(12)} in this repository: ${p.vendored.join(", ")}`
                : ""),
          );
        }
      }
    });

  packs
    .command("add")
    .description(
      "vendor a pack version from a registry into domain-packs/ (checksum, signature and source recorded)",
    )
    .argument("<pack>", "name or name@range, e.g. genomics@^1.2")
    .option("--registry <name>", "the registry to take it from (needed when several publish it)")
    .option(
      "--allow-unsigned",
      "accept a version with no signature (only with packTrust.requireSignatures: false): nothing then proves who published it",
    )
    .option(
      "--lab <lab>",
      "refuse a version whose trust level this lab's spec.packTrust does not allow",
    )
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print as JSON")
    .action(
      async (
        ref: string,
        o: {
          registry?: string;
          lab?: string;
          allowUnsigned?: boolean;
          repo: string;
          json?: boolean;
        },
      ) => {
        const parsed = parsePackReference(ref.includes("@") ? ref : `${ref}@*`);
        if (!parsed)
          throw new LabenvError(
            "usage",
            `\`${ref}\` is not \`<pack>\` or \`<pack>@<semver range>\``,
            {
              hint: "e.g. labenv packs add genomics@^1.2",
            },
          );
        const { repository } = loadWithConfig(o.repo);
        const registries = openRegistries(repository, o.registry);
        let registry = registries[0]!;
        if (registries.length > 1) {
          const publishing = [];
          for (const r of registries)
            if ((await r.index()).spec.packs[parsed.name]) publishing.push(r);
          if (publishing.length === 0)
            throw new LabenvError("usage", `no configured registry publishes \`${parsed.name}\``, {
              hint: "`labenv packs browse` lists every registry's packs",
            });
          if (publishing.length > 1)
            throw new LabenvError(
              "usage",
              `\`${parsed.name}\` is published by ${publishing.map((r) => r.config.name).join(" and ")}`,
              { hint: "say which with --registry <name>" },
            );
          registry = publishing[0]!;
        }
        const added = await addFromRegistry(o.repo, registry, parsed.name, parsed.range, o.lab, {
          allowUnsigned: o.allowUnsigned ?? false,
        });
        if (o.json) return io.out(JSON.stringify(added, null, 2));
        const id = `${added.pack}@${added.version}`;
        const how = `${added.trust}, ${added.signedBy ? `signed by ${added.signedBy}` : "unsigned"}`;
        io.out(
          added.outcome === "created"
            ? `+ added ${id} from ${added.registry} (${how}) → ${added.file}\n  environments choose it through their domainPack range: run \`labenv lock\``
            : `  unchanged ${id}: already in ${added.file} (${how})`,
        );
        if (added.deprecated) io.out(`⚠ ${id} is deprecated: move to \`${added.deprecated}\``);
        for (const w of added.warnings) io.out(`⚠ ${w}`);
      },
    );

  packs
    .command("publish")
    .description(
      "write this repository's domain-packs/ as a registry others can add from (index, pack files, checksums, signatures)",
    )
    .requiredOption(
      "--out <dir>",
      "the directory to write (serve it over HTTPS, or use it as file://)",
    )
    .option("--key <file>", "the Ed25519 private key (PEM) to sign every version with")
    .option("--key-id <id>", "the key's id, as consumers list it in packTrust.keys")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print as JSON")
    .action((o: { out: string; key?: string; keyId?: string; repo: string; json?: boolean }) => {
      if (!!o.key !== !!o.keyId)
        throw new LabenvError("usage", "--key and --key-id go together", {
          hint: "e.g. labenv packs publish --out site/ --key ~/.labenv/rc.pem --key-id westtek-rc-2026",
        });
      let signer;
      if (o.key) {
        const privateKey = existsSync(o.key)
          ? parsePrivateKey(readFileSync(o.key, "utf8"))
          : undefined;
        if (!privateKey)
          throw new LabenvError("usage", `${o.key} is not an Ed25519 private key (PEM)`, {
            hint: "make one with `labenv packs keygen --id <id> --out <file>`",
          });
        signer = { keyId: o.keyId!, privateKey };
      }
      const { repository } = loadWithConfig(o.repo);
      const files = publishRegistry(repository, signer);
      for (const [path, text] of files) {
        const target = join(o.out, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
      const versions = [...files.keys()].filter((p) => p.endsWith("/pack.yaml")).length;
      if (o.json)
        return io.out(
          JSON.stringify({ out: o.out, versions, signedBy: signer?.keyId ?? null }, null, 2),
        );
      io.out(
        `wrote ${o.out}: registry.yaml and ${versions} pack versions, ${signer ? `signed by ${signer.keyId}` : "unsigned (consumers with packTrust.requireSignatures will refuse them)"}`,
      );
    });

  packs
    .command("keygen")
    .description(
      "make an Ed25519 signing key for `packs publish`; prints the public key for labenv.yaml",
    )
    .requiredOption("--id <id>", "the key's id, e.g. westtek-rc-2026")
    .requiredOption("--out <file>", "where to write the private key (keep it out of Git)")
    .option("--json", "print as JSON")
    .action((o: { id: string; out: string; json?: boolean }) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(o.id))
        throw new LabenvError("usage", `\`${o.id}\` is not a key id`, {
          hint: "letters, digits, `.`, `_` and `-`, at most 64",
        });
      if (existsSync(o.out))
        throw new LabenvError("usage", `${o.out} exists: refusing to overwrite a key`, {
          hint: "choose another --out",
        });
      const key = generateSigningKey();
      mkdirSync(dirname(o.out), { recursive: true });
      writeFileSync(o.out, key.privateKeyPem, { mode: 0o600 });
      if (o.json)
        return io.out(
          JSON.stringify({ id: o.id, publicKey: key.publicKey, privateKeyFile: o.out }, null, 2),
        );
      io.out(
        [
          `wrote the private key to ${o.out} (mode 600): keep it secret and out of Git`,
          "consumers trust it with, in labenv.yaml under spec:",
          "  packTrust:",
          "    keys:",
          `      - id: ${o.id}`,
          `        publicKey: ${key.publicKey}`,
        ].join("\n"),
      );
    });

  packs
    .command("outdated")
    .description(
      "vendored packs with a newer version in their registry, the environments it would move, and what changed upstream",
    )
    .argument("[pack]", "only this pack")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print as JSON")
    .action(async (only: string | undefined, o: { repo: string; json?: boolean }) => {
      const { repository } = loadWithConfig(o.repo);
      const statuses = await vendoredStatuses(repository, only);
      const findings = statuses.filter((s) => s.update || s.warnings.length > 0);
      if (o.json) io.out(JSON.stringify(statuses, null, 2));
      else if (statuses.length === 0) io.out("no pack here is vendored from a registry");
      else
        for (const s of statuses) {
          io.out(
            s.update
              ? `↑ ${s.pack.padEnd(12)} ${s.vendored[0]} → ${s.update}${s.updateUnsigned ? " (unsigned)" : ""}  (${s.registry})`
              : `  ${s.pack.padEnd(12)} ${s.vendored[0]} is the latest  (${s.registry})`,
          );
          for (const e of s.environments)
            io.out(
              `    ${e.environment}  ${s.pack}@${e.range}: ${e.now ?? "none"}${e.next !== e.now ? ` → ${e.next}` : s.update ? " (pinned by its range)" : ""}`,
            );
          for (const w of s.warnings) io.out(`  ⚠ ${w}`);
        }
      io.exit(findings.length === 0 ? 0 : 1);
    });

  packs
    .command("update")
    .description(
      "vendor each pack's newer version and re-lock the environments it moves, in one pull request per pack",
    )
    .argument("[pack]", "only this pack")
    .option("--write", "write the files into the working tree instead of opening a pull request")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print as JSON")
    .action(
      async (only: string | undefined, o: { repo: string; write?: boolean; json?: boolean }) => {
        const { updates, statuses } = await updatePacks(o.repo, io, {
          ...(only ? { only } : {}),
          write: o.write ?? false,
        });
        if (o.json) return io.out(JSON.stringify({ updates }, null, 2));
        if (updates.length === 0) io.out(`✓ ${statuses.length} vendored packs are up to date`);
        for (const u of updates) {
          const where = u.pullRequest
            ? `${u.pullRequest.outcome === "unchanged" ? "pull request" : `${u.pullRequest.outcome} pull request`} #${u.pullRequest.number} ${u.pullRequest.branch}`
            : `wrote ${u.files.length} files`;
          io.out(`↑ ${u.pack} ${u.from} → ${u.to} (${u.registry}): ${where}`);
          if (u.relocked.length) io.out(`    re-locked: ${u.relocked.join(", ")}`);
          for (const p of u.pinned)
            io.out(`    stays: ${p.environment} (${u.pack}@${p.range} → ${p.stays ?? "none"})`);
        }
        for (const s of statuses) for (const w of s.warnings) io.out(`⚠ ${w}`);
      },
    );
}

/**
 * `labenv packs search <words> --registry [name]`: every configured registry's
 * index (or one), ranked; a registry that is down is named and the others are
 * still searched (exit 2 only when none answered).
 */
export async function searchRegistries(
  io: CliIO,
  dir: string,
  words: string[],
  only: string | undefined,
  json: boolean | undefined,
): Promise<void> {
  const { repository } = loadWithConfig(dir);
  const indexes: { registry: string; index: DomainPackRegistry }[] = [];
  const down: { registry: string; message: string }[] = [];
  const registries = openRegistries(repository, only);
  for (const registry of registries) {
    try {
      indexes.push({ registry: registry.config.name, index: await registry.index() });
    } catch (e) {
      if (!(e instanceof LabenvError)) throw e;
      down.push({ registry: registry.config.name, message: e.message });
    }
  }
  const config = repository.config?.doc.spec;
  const hits = searchIndexes(indexes, words).map((h) => {
    const r = findRegistry(config, h.registry);
    return { ...h, accepted: r ? acceptedTrust(r).includes(h.trust as "verified") : false };
  });
  if (json) io.out(JSON.stringify({ hits, down }, null, 2));
  else {
    if (hits.length === 0 && indexes.length > 0)
      io.out(`no pack in ${indexes.map((i) => i.registry).join(", ")} matches ${words.join(" ")}`);
    for (const h of hits)
      io.out(
        `${`${h.name}@${h.latest}`.padEnd(20)} ${h.trust}${h.accepted ? "" : " (not accepted from this registry)"}${h.unsigned ? " (unsigned)" : ""}  (${h.registry})  ${h.description}`,
      );
    for (const d of down) io.out(`⚠ registry \`${d.registry}\` was not searched: ${d.message}`);
  }
  if (indexes.length === 0 && registries.length > 0) io.exit(2);
}
