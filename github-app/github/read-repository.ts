import type { RepoFile } from "../../reconciler/core/load/load-repository.js";
import { LabenvError } from "../../reconciler/core/errors.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { unpackTarball, type ArchiveEntry } from "./tar-archive.js";

/** Every path of the archive, and the files a caller chose to keep. */
export interface RepositorySnapshot {
  sha: string;
  /** Every file path at that commit (for counting what was not read). */
  paths: string[];
  files: RepoFile[];
}

/**
 * Reads the repository at one commit through GitHub's tarball endpoint (one
 * request, no clone) and keeps only the files `select` chooses. `select` sees
 * the files `reads` names first (default: every file), so the choice can
 * depend on labenv.yaml; when `reads` names fewer, the archive is streamed a
 * second time and only the chosen files are copied out, so the files of labs
 * a review does not open never sit in memory. Symbolic links become files
 * with one NUL byte, as on disk, so the loader reports them instead of
 * following them. Each file is a buffer of its own (unpackTarball copies it
 * out as gunzip streams), so a kept file keeps nothing else alive.
 */
export async function readRepositoryAt(
  github: GitHubClient,
  repo: RepoRef,
  sha: string,
  select: (read: ReadonlyMap<string, Uint8Array>) => (path: string) => boolean,
  reads?: (path: string) => boolean,
): Promise<RepositorySnapshot> {
  let data: unknown;
  try {
    ({ data } = await github.rest.repos.downloadTarballArchive({ ...repo, ref: sha }));
  } catch (e) {
    throw new LabenvError(
      "git",
      `cannot read ${repo.owner}/${repo.repo} at ${sha.slice(0, 7)}: ${(e as Error).message}`,
      { cause: e },
    );
  }
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : data instanceof Uint8Array
        ? data
        : undefined;
  if (!bytes)
    throw new LabenvError(
      "git",
      `GitHub answered the tarball of ${sha.slice(0, 7)} with ${typeof data}, not bytes`,
    );
  const paths = new Set<string>();
  const contents = (entries: ArchiveEntry[]) =>
    new Map(entries.map((e) => [e.path, e.symlink ? new Uint8Array([0]) : e.content]));
  const read = contents(
    await unpackTarball(bytes, { onFile: (p) => paths.add(p), ...(reads ? { keep: reads } : {}) }),
  );
  const keep = select(read);
  const kept = reads ? contents(await unpackTarball(bytes, { keep })) : read;
  return {
    sha,
    paths: [...paths],
    files: [...kept].filter(([path]) => keep(path)).map(([path, content]) => ({ path, content })),
  };
}
