"""The agent's Julia packages as installed (stdlib only): the depot directory Pkg names from a
package's uuid and tree (Base.version_slug), and the git tree hash of what is there, as Pkg's
GitTools.tree_hash computes it, proved against git itself."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import unittest.mock

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "reconciler", "agent"))
import observe  # noqa: E402

UUID = "7876af07-990d-54b4-ab0e-23690620f79a"


def git(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def git_write_tree(directory):
    """What git records for a directory: a throw-away index, never the directory's own .git."""
    with tempfile.TemporaryDirectory() as meta:
        env = {**os.environ, "GIT_DIR": os.path.join(meta, "git"), "GIT_WORK_TREE": directory}
        subprocess.run(["git", "init", "-q"], env=env, check=True)
        subprocess.run(["git", "-c", "core.fileMode=true", "add", "-A", "."], cwd=directory, env=env, check=True)
        return subprocess.run(["git", "write-tree"], env=env, check=True, capture_output=True, text=True).stdout.strip()


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)


def package_tree(root, version="0.5.3"):
    """A package as Pkg leaves it: sources, an executable, a symbolic link, names git orders
    unlike a plain sort (`src` the directory against `src.jl` and `src-x`), an empty directory."""
    write(os.path.join(root, "Project.toml"), 'name = "Example"\nuuid = "%s"\nversion = "%s"\n' % (UUID, version))
    write(os.path.join(root, "src", "Example.jl"), "module Example\nhello(who) = \"Hello, $who\"\nend\n")
    write(os.path.join(root, "src.jl"), "# beside src/\n")
    write(os.path.join(root, "src-x"), "x\n")
    write(os.path.join(root, "deps", "build.sh"), "#!/bin/sh\necho built\n", 0o755)
    os.symlink("src/Example.jl", os.path.join(root, "entry.jl"))
    os.makedirs(os.path.join(root, "empty", "deeper"))


class VersionSlug(unittest.TestCase):
    def test_crc32c_check_value(self):
        self.assertEqual(observe.crc32c(b"123456789"), 0xE3069283)

    def test_the_directory_pkg_installed_example_0_5_3_in(self):
        # Example 0.5.3 (tree 46e44e86…) lives in ~/.julia/packages/Example/aqsx3 wherever Pkg installed it.
        self.assertEqual(observe.julia_version_slug(UUID, "46e44e869b4d90b96bd8ed1fdcf32244fddfb6cc"), "aqsx3")

    def test_another_tree_is_another_directory(self):
        self.assertNotEqual(observe.julia_version_slug(UUID, "46e44e869b4d90b96bd8ed1fdcf32244fddfb6cd"), "aqsx3")


class TreeHash(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="labenv-jltree-")
        self.addCleanup(shutil.rmtree, self.dir)
        self.pkg = os.path.join(self.dir, "Example")
        package_tree(self.pkg)

    def tree(self, budget=None):
        return observe.git_tree_hash(self.pkg, budget or observe._HashBudget(1 << 30, 10_000)).hex()

    def test_equals_gits_tree_for_the_same_files(self):
        self.assertEqual(self.tree(), git_write_tree(self.pkg))

    def test_a_git_checkout_inside_is_left_out(self):
        before = self.tree()
        git(self.pkg, "init", "-q")
        self.assertEqual(self.tree(), before)

    def test_a_changed_byte_and_a_lost_execute_bit_are_other_trees(self):
        before = self.tree()
        os.chmod(os.path.join(self.pkg, "deps", "build.sh"), 0o644)
        self.assertNotEqual(self.tree(), before)
        self.assertEqual(self.tree(), git_write_tree(self.pkg))
        os.chmod(os.path.join(self.pkg, "deps", "build.sh"), 0o755)
        write(os.path.join(self.pkg, "src", "Example.jl"), "module Example\nend\n")
        self.assertNotEqual(self.tree(), before)
        self.assertEqual(self.tree(), git_write_tree(self.pkg))

    def test_past_the_budget_it_stops(self):
        with self.assertRaises(OverflowError):
            observe.git_tree_hash(self.pkg, observe._HashBudget(10, 10_000))


class InstalledPackages(unittest.TestCase):
    """julia_packages_from_project: what the project's manifest names, as the depot holds it."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="labenv-jldepot-")
        self.addCleanup(shutil.rmtree, self.dir)
        source = os.path.join(self.dir, "source")
        package_tree(source)
        self.tree = git_write_tree(source)
        self.depot = os.path.join(self.dir, "depot")
        self.installed = os.path.join(self.depot, "packages", "Example", observe.julia_version_slug(UUID, self.tree))
        shutil.copytree(source, self.installed, symlinks=True)
        self.project = os.path.join(self.dir, "project")
        write(
            os.path.join(self.project, "Manifest.toml"),
            'manifest_format = "2.0"\n\n[[deps.Dates]]\nuuid = "ade2ca70-3891-5945-98fb-dc099432e06a"\n\n'
            '[[deps.Example]]\ngit-tree-sha1 = "%s"\nuuid = "%s"\nversion = "0.5.3"\n' % (self.tree, UUID),
        )

    def observe(self, **bounds):
        return observe.julia_packages_from_project(self.project, [os.path.join(self.dir, "none"), self.depot], **bounds)

    def test_reported_as_installed_standard_libraries_left_out(self):
        self.assertEqual(self.observe(), [{"name": "Example", "version": "0.5.3", "gitTreeSha1": self.tree}])

    def test_a_file_changed_after_install_is_another_tree_and_its_own_version(self):
        write(os.path.join(self.installed, "Project.toml"), 'name = "Example"\nuuid = "%s"\nversion = "0.5.4"\n' % UUID)
        [p] = self.observe()
        self.assertEqual(p["version"], "0.5.4")
        self.assertEqual(p["gitTreeSha1"], git_write_tree(self.installed))
        self.assertNotEqual(p["gitTreeSha1"], self.tree)

    def test_another_trees_directory_is_not_this_package(self):
        other = os.path.join(self.depot, "packages", "Example", "Zz9Zz")
        os.rename(self.installed, other)
        self.assertEqual(self.observe(), [])

    def test_an_empty_directory_installs_nothing(self):
        shutil.rmtree(self.installed)
        os.makedirs(self.installed)
        self.assertEqual(self.observe(), [])

    def test_past_the_bound_the_directory_name_stands_for_the_tree_with_a_warning(self):
        with unittest.mock.patch.object(observe, "warn") as warned:
            self.assertEqual(
                self.observe(max_bytes=10),
                [{"name": "Example", "version": "0.5.3", "gitTreeSha1": self.tree}],
            )
        self.assertIn("its tree is the one its directory", warned.call_args[0][0])


if __name__ == "__main__":
    unittest.main()
