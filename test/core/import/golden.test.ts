import { expectGolden } from "../../helpers/golden.js";
import { describe, it } from "vitest";
import {
  importCondaEnvironment,
  importKernelspecList,
  importPipFreeze,
  importPipInspect,
  importRequirementsTxt,
  type ImportResult,
} from "../../../reconciler/core/import/index.js";
import { readImport } from "../../../reconciler/core/import/import-source.js";
import { FIXTURES, fixture, readFixture } from "./fixture-files.js";

/** Read through format detection, as `labenv import` reads it. */
const detected = (file: string) => () => {
  const read = readImport({ file, text: fixture(file), readFile: readFixture });
  if (!read) throw new Error(`${file} was not recognised`);
  return { format: read.format, ...read.result } as ImportResult;
};

/**
 * Golden cases: each fixture under test/fixtures/import and what labenv reads
 * out of it, as JSON under test/fixtures/import/expected/. Review a change of
 * behaviour by reading the diff of those files; regenerate them with
 * LABENV_UPDATE_GOLDEN=1 npx vitest run test/core/import/golden.test.ts
 */
const CASES: { name: string; read: () => ImportResult }[] = [
  {
    name: "requirements-txt",
    read: () =>
      importRequirementsTxt({
        file: "requirements/requirements.txt",
        text: fixture("requirements/requirements.txt"),
        readFile: readFixture,
      }),
  },
  {
    name: "pip-freeze",
    read: () => importPipFreeze({ file: "pip-freeze.txt", text: fixture("pip-freeze.txt") }),
  },
  {
    name: "pip-inspect",
    read: () => importPipInspect({ file: "pip-inspect.json", text: fixture("pip-inspect.json") }),
  },
  {
    name: "conda-environment",
    read: () =>
      importCondaEnvironment({
        file: "conda/environment.yml",
        text: fixture("conda/environment.yml"),
        readFile: readFixture,
      }),
  },
  { name: "runtime-txt", read: detected("binder-viz/runtime.txt") },
  { name: "runtime-txt-r", read: detected("binder-r/runtime.txt") },
  { name: "apt-txt", read: detected("binder-viz/apt.txt") },
  { name: "requirements-txt-options", read: detected("binder-viz/requirements.txt") },
  { name: "install-r", read: detected("binder-r/install.R") },
  { name: "pipfile", read: detected("binder-pipenv/Pipfile") },
  { name: "pipfile-lock", read: detected("binder-pipenv/Pipfile.lock") },
  { name: "conda-list-export", read: detected("conda-lists/packages.txt") },
  { name: "conda-list-explicit", read: detected("conda-lists/spec-file.txt") },
  { name: "conda-environment-mixed", read: detected("conda-mixed/environment.yml") },
  {
    name: "kernelspec",
    read: () =>
      importKernelspecList({ file: "kernelspec-list.json", text: fixture("kernelspec-list.json") }),
  },
];

describe("golden import results", () => {
  it.each(CASES)("$name fixture reads as expected/$name.json", ({ name, read }) => {
    const actual = JSON.parse(JSON.stringify(read())) as unknown;
    expectGolden(`${FIXTURES}expected/${name}.json`, `${JSON.stringify(actual, null, 2)}\n`);
  });
});
