"""The agent's home modes (stdlib only): the inventory a snapshot's manifest is built from, the move
of restored files into a home, never over a file, each checked against that inventory, the drill's
check, and the replace of restoreFrom.overwrite, which keeps every replaced thing aside."""

import errno
import hashlib
import json
import os
import shutil
import sys
import tempfile
import unittest
from unittest import mock

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "reconciler", "agent"))
import observe  # noqa: E402


def sha(data):
    return hashlib.sha256(data).hexdigest()


def write(root, rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


class HomeInventoryTest(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp()

    def test_lists_every_file_with_size_mtime_and_sha256_sorted(self):
        write(self.home, "b.ipynb", b'{"cells": []}')
        write(self.home, "data/counts.bin", b"\x00\x01" * 1000)
        os.utime(os.path.join(self.home, "b.ipynb"), (1796000000.25, 1796000000.25))
        inv = observe.home_inventory(self.home)
        self.assertEqual([f["path"] for f in inv["files"]], ["b.ipynb", "data/counts.bin"])
        self.assertEqual(inv["files"][0], {"path": "b.ipynb", "size": 13, "modifiedAt": "2026-11-30T00:53:20.250Z", "sha256": sha(b'{"cells": []}')})
        self.assertEqual(inv["files"][1]["sha256"], sha(b"\x00\x01" * 1000))
        self.assertEqual((inv["fileCount"], inv["totalBytes"]), (2, 2013))
        self.assertEqual(inv["unsettled"], [])

    def test_symlinks_are_listed_as_skipped_never_followed(self):
        outside = tempfile.mkdtemp()
        write(outside, "secret.txt", b"not the home's")
        os.symlink(outside, os.path.join(self.home, "linked-dir"))
        os.symlink(os.path.join(outside, "secret.txt"), os.path.join(self.home, "link.txt"))
        write(self.home, "a.txt", b"a")
        inv = observe.home_inventory(self.home)
        self.assertEqual([f["path"] for f in inv["files"]], ["a.txt"])
        self.assertEqual(sorted(s["path"] for s in inv["skipped"]), ["link.txt", "linked-dir"])

    def test_more_files_than_the_bound_is_an_error_naming_the_bound(self):
        for i in range(4):
            write(self.home, "f%d" % i, b"x")
        with self.assertRaisesRegex(observe.AgentError, r"holds more than 3 files \(--max-files\): no inventory written"):
            observe.home_inventory(self.home, max_files=3)

    def test_more_bytes_than_the_bound_is_an_error_naming_the_bound(self):
        write(self.home, "big", b"x" * 100)
        with self.assertRaisesRegex(observe.AgentError, r"holds more than 99 bytes \(--max-bytes\)"):
            observe.home_inventory(self.home, max_bytes=99)

    def test_a_file_written_while_it_is_read_is_reported_unsettled(self):
        path = write(self.home, "running.log", b"one")
        real = observe.sha256_file
        calls = []

        def appending(p):
            digest = real(p)
            calls.append(p)
            with open(path, "ab") as f:
                f.write(b"more")
            return digest

        with mock.patch.object(observe, "sha256_file", appending):
            inv = observe.home_inventory(self.home)
        self.assertEqual(len(calls), 2)
        self.assertEqual(inv["unsettled"], ["running.log"])

    def test_main_writes_a_home_inventory_document(self):
        write(self.home, "a.ipynb", b"{}")
        out = os.path.join(tempfile.mkdtemp(), "inv.json")
        code = observe.main(["--lab", "genomics-core", "--environment", "rnaseq", "--snapshot", "thesis",
                             "--home-inventory", self.home, "--task", "arn:aws:ecs:eu-west-1:1:task/labenv/abc",
                             "--host", "h", "--output", out])
        self.assertEqual(code, 0)
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual(doc["kind"], "HomeInventory")
        self.assertEqual(doc["metadata"]["snapshot"], "thesis")
        self.assertEqual(doc["metadata"]["task"], "arn:aws:ecs:eu-west-1:1:task/labenv/abc")
        self.assertEqual(doc["spec"]["root"], self.home)
        self.assertEqual(doc["spec"]["files"][0]["sha256"], sha(b"{}"))

    def test_main_past_the_bound_exits_2_and_writes_nothing(self):
        write(self.home, "a", b"1")
        write(self.home, "b", b"2")
        out = os.path.join(tempfile.mkdtemp(), "inv.json")
        with mock.patch.object(sys, "stderr") as err:
            code = observe.main(["--lab", "genomics-core", "--environment", "rnaseq", "--home-inventory", self.home,
                                 "--max-files", "1", "--output", out])
        self.assertEqual(code, 2)
        self.assertFalse(os.path.exists(out))
        self.assertIn("more than 1 files", "".join(c.args[0] for c in err.write.call_args_list))


class RestoreMoveTest(unittest.TestCase):
    def setUp(self):
        self.restored = tempfile.mkdtemp()
        self.home = tempfile.mkdtemp()

    def expected(self, files):
        return [{"path": p, "size": len(d), "sha256": sha(d)} for p, d in files]

    def test_moves_matching_files_into_the_home_and_reports_each(self):
        write(self.restored, "analysis.ipynb", b"nb")
        write(self.restored, "data/counts.bin", b"counts")
        report = observe.restore_move(self.restored, self.home, self.expected([("analysis.ipynb", b"nb"), ("data/counts.bin", b"counts")]))
        self.assertTrue(report["ok"])
        self.assertEqual([m["path"] for m in report["moved"]], ["analysis.ipynb", "data/counts.bin"])
        with open(os.path.join(self.home, "data/counts.bin"), "rb") as f:
            self.assertEqual(f.read(), b"counts")
        self.assertFalse(os.path.exists(os.path.join(self.restored, "analysis.ipynb")))

    def test_a_planted_corruption_is_not_moved_and_is_reported_with_both_sums(self):
        write(self.restored, "data/counts.bin", b"counts, damaged")
        report = observe.restore_move(self.restored, self.home, self.expected([("data/counts.bin", b"counts")]))
        self.assertFalse(report["ok"])
        self.assertEqual(report["corrupt"], [{"path": "data/counts.bin", "expected": sha(b"counts"), "actual": sha(b"counts, damaged")}])
        self.assertFalse(os.path.exists(os.path.join(self.home, "data/counts.bin")))
        self.assertTrue(os.path.exists(os.path.join(self.restored, "data/counts.bin")))

    def test_an_existing_file_in_the_home_is_never_overwritten(self):
        write(self.restored, "analysis.ipynb", b"from the snapshot")
        write(self.home, "analysis.ipynb", b"written since")
        report = observe.restore_move(self.restored, self.home, self.expected([("analysis.ipynb", b"from the snapshot")]))
        self.assertEqual(report["existing"], [{"path": "analysis.ipynb", "sha256": sha(b"from the snapshot"), "identical": False}])
        self.assertEqual(report["moved"], [])
        with open(os.path.join(self.home, "analysis.ipynb"), "rb") as f:
            self.assertEqual(f.read(), b"written since")
        self.assertTrue(os.path.exists(os.path.join(self.restored, "analysis.ipynb")))
        self.assertTrue(report["ok"])

    def test_missing_and_unexpected_files_are_reported(self):
        write(self.restored, "extra.txt", b"?")
        report = observe.restore_move(self.restored, self.home, self.expected([("gone.ipynb", b"x")]))
        self.assertEqual(report["missing"], [{"path": "gone.ipynb", "expected": sha(b"x")}])
        self.assertEqual(report["unexpected"], ["extra.txt"])
        self.assertFalse(report["ok"])

    def test_across_mounts_the_file_is_copied_synced_and_checked(self):
        write(self.restored, "a.ipynb", b"nb")

        def cross_device(_src, _dst):
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        with mock.patch.object(observe.os, "link", cross_device):
            report = observe.restore_move(self.restored, self.home, self.expected([("a.ipynb", b"nb")]))
        self.assertEqual([m["path"] for m in report["moved"]], ["a.ipynb"])
        self.assertFalse(os.path.exists(os.path.join(self.restored, "a.ipynb")))

    def test_an_inventory_path_that_leaves_the_home_is_refused(self):
        body = json.dumps({"spec": {"files": [{"path": "../etc/passwd", "size": 1, "sha256": "0" * 64}]}})
        with self.assertRaisesRegex(observe.AgentError, r"not a plain relative path"):
            observe.parse_expected(body, 10)

    def test_main_writes_the_report_from_an_expected_file(self):
        write(self.restored, "a.ipynb", b"nb")
        expected = os.path.join(tempfile.mkdtemp(), "expected.json")
        with open(expected, "w", encoding="utf-8") as f:
            json.dump({"kind": "HomeInventory", "spec": {"files": self.expected([("a.ipynb", b"nb")])}}, f)
        out = os.path.join(tempfile.mkdtemp(), "report.json")
        code = observe.main(["--lab", "genomics-core", "--environment", "rnaseq-thesis", "--restore-move", self.restored,
                             "--into", self.home, "--expected-file", expected, "--host", "h", "--output", out])
        self.assertEqual(code, 0)
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual(doc["kind"], "HomeRestoreReport")
        self.assertTrue(doc["spec"]["ok"])


HOME = "labs/genomics-core/environments/rnaseq-thesis"
JOB_CREATED = "2026-12-07T04:00:00Z"


class RestoreFindTest(unittest.TestCase):
    """--restore-find: which aws-backup-restore_* directory under the file system root is this
    restore's, then the move into the home and the restore directory's removal."""

    def setUp(self):
        self.root = tempfile.mkdtemp()
        self.home = os.path.join(self.root, HOME)
        os.makedirs(self.home)
        self.files = [("analysis.ipynb", b"nb"), ("data/counts.bin", b"counts")]
        self.expected = [{"path": p, "size": len(d), "sha256": sha(d)} for p, d in self.files]

    def restored(self, name, files=None):
        for rel, data in files if files is not None else self.files:
            write(self.root, "%s/%s/%s" % (name, HOME, rel), data)
        return os.path.join(self.root, name)

    def run_main(self, *extra):
        expected = os.path.join(tempfile.mkdtemp(), "expected.json")
        with open(expected, "w", encoding="utf-8") as f:
            json.dump({"kind": "HomeInventory", "spec": {"files": self.expected}}, f)
        out = os.path.join(tempfile.mkdtemp(), "report.json")
        with mock.patch.object(sys, "stderr") as err:
            code = observe.main(["--lab", "genomics-core", "--environment", "rnaseq-thesis", "--restore-find", self.root,
                                 "--path", "/" + HOME, "--after", JOB_CREATED, "--into", self.home,
                                 "--expected-file", expected, "--host", "h", "--output", out, *extra])
        stderr = "".join(c.args[0] for c in err.write.call_args_list)
        if not os.path.exists(out):
            return code, None, stderr
        with open(out, encoding="utf-8") as f:
            return code, json.load(f)["spec"], stderr

    def test_moves_the_restore_into_the_home_and_removes_the_emptied_directory(self):
        top = self.restored("aws-backup-restore_2026-12-07T04-10-05")
        code, spec, _ = self.run_main()
        self.assertEqual(code, 0)
        self.assertTrue(spec["ok"])
        self.assertEqual(spec["restoreDirectory"], "/aws-backup-restore_2026-12-07T04-10-05")
        self.assertEqual([m["path"] for m in spec["moved"]], ["analysis.ipynb", "data/counts.bin"])
        with open(os.path.join(self.home, "data/counts.bin"), "rb") as f:
            self.assertEqual(f.read(), b"counts")
        self.assertEqual((spec["left"], spec["removed"]), (0, True))
        self.assertFalse(os.path.exists(top))

    def test_an_older_restore_directory_is_not_this_restore_s_even_when_it_matches(self):
        self.restored("aws-backup-restore_20261101T090000Z")
        code, spec, stderr = self.run_main()
        self.assertEqual((code, spec), (2, None))
        self.assertIn("no aws-backup-restore_* directory under %s holds %s and was made at or after 2026-12-07T04:00:00.000Z" % (self.root, HOME), stderr)
        self.assertIn("older ones: /aws-backup-restore_20261101T090000Z", stderr)
        self.assertIn("nothing moved", stderr)
        self.assertEqual(os.listdir(self.home), [])

    def test_of_several_recent_ones_the_one_holding_every_expected_file_is_chosen(self):
        self.restored("aws-backup-restore_20261101T090000Z")
        # Another restore of the same home, an hour after the job, from another recovery point.
        other = self.restored("aws-backup-restore_20261207T050000Z", [("analysis.ipynb", b"another version")])
        self.restored("aws-backup-restore_20261207T041005Z")
        code, spec, _ = self.run_main()
        self.assertEqual(code, 0)
        self.assertEqual(spec["restoreDirectory"], "/aws-backup-restore_20261207T041005Z")
        self.assertEqual(sorted((c["directory"], c.get("matching")) for c in spec["candidates"]), [
            ("/aws-backup-restore_20261101T090000Z", None),
            ("/aws-backup-restore_20261207T041005Z", 2),
            ("/aws-backup-restore_20261207T050000Z", 0),
        ])
        self.assertTrue(os.path.exists(os.path.join(other, HOME, "analysis.ipynb")))

    def test_several_recent_ones_none_whole_is_a_refusal_and_nothing_moves(self):
        a = self.restored("aws-backup-restore_20261207T041005Z", [("analysis.ipynb", b"nb"), ("data/counts.bin", b"damaged")])
        self.restored("aws-backup-restore_20261207T050000Z", [("analysis.ipynb", b"other")])
        code, spec, stderr = self.run_main()
        self.assertEqual((code, spec), (2, None))
        self.assertIn("2 restore directories hold %s and none holds every file of the expected inventory: "
                      "/aws-backup-restore_20261207T041005Z (1/2 files), /aws-backup-restore_20261207T050000Z (0/2 files); nothing moved" % HOME, stderr)
        self.assertEqual(os.listdir(self.home), [])
        self.assertTrue(os.path.exists(os.path.join(a, HOME, "analysis.ipynb")))

    def test_a_planted_corruption_stays_in_the_restore_directory_which_is_kept(self):
        top = self.restored("aws-backup-restore_20261207T041005Z", [("analysis.ipynb", b"nb"), ("data/counts.bin", b"counts, damaged")])
        code, spec, _ = self.run_main()
        self.assertEqual(code, 0)
        self.assertFalse(spec["ok"])
        self.assertEqual(spec["corrupt"], [{"path": "data/counts.bin", "expected": sha(b"counts"), "actual": sha(b"counts, damaged")}])
        self.assertEqual([m["path"] for m in spec["moved"]], ["analysis.ipynb"])
        self.assertEqual((spec["left"], spec["removed"]), (1, False))
        self.assertTrue(os.path.exists(os.path.join(top, HOME, "data/counts.bin")))
        self.assertFalse(os.path.exists(os.path.join(self.home, "data/counts.bin")))

    def test_a_file_in_the_home_is_never_overwritten_and_the_restored_one_is_kept_beside(self):
        top = self.restored("aws-backup-restore_20261207T041005Z")
        write(self.home, "analysis.ipynb", b"written since the restore began")
        code, spec, _ = self.run_main()
        self.assertEqual(code, 0)
        self.assertEqual(spec["existing"], [{"path": "analysis.ipynb", "sha256": sha(b"nb"), "identical": False}])
        with open(os.path.join(self.home, "analysis.ipynb"), "rb") as f:
            self.assertEqual(f.read(), b"written since the restore began")
        self.assertEqual((spec["left"], spec["removed"]), (1, False))
        with open(os.path.join(top, HOME, "analysis.ipynb"), "rb") as f:
            self.assertEqual(f.read(), b"nb")

    def test_no_restore_directory_at_all_is_a_refusal(self):
        code, spec, stderr = self.run_main()
        self.assertEqual((code, spec), (2, None))
        self.assertIn("no aws-backup-restore_* directory under %s holds %s" % (self.root, HOME), stderr)

    def test_a_restore_directory_without_the_home_s_path_is_not_a_candidate(self):
        write(self.root, "aws-backup-restore_20261207T041005Z/labs/other-lab/environments/x/a.ipynb", b"nb")
        code, _, stderr = self.run_main()
        self.assertEqual(code, 2)
        self.assertIn("no aws-backup-restore_* directory", stderr)

    def test_an_empty_home_restores_as_nothing_to_move_and_the_directory_goes(self):
        self.expected = []
        top = self.restored("aws-backup-restore_20261207T041005Z", [])
        os.makedirs(os.path.join(top, HOME), exist_ok=True)
        code, spec, _ = self.run_main()
        self.assertEqual(code, 0)
        self.assertTrue(spec["ok"])
        self.assertEqual((spec["moved"], spec["removed"]), ([], True))

    def test_a_symlink_in_the_home_on_a_file_s_way_is_not_followed(self):
        self.restored("aws-backup-restore_20261207T041005Z")
        outside = tempfile.mkdtemp()
        os.symlink(outside, os.path.join(self.home, "data"))
        code, spec, _ = self.run_main()
        self.assertEqual(code, 0)
        self.assertEqual(spec["skipped"], [{"path": "data/counts.bin", "sha256": sha(b"counts"), "why": "a directory on its path in the home is a symbolic link"}])
        self.assertEqual(os.listdir(outside), [])

    def test_the_time_in_the_name_or_else_the_directory_s_mtime(self):
        os.makedirs(os.path.join(self.root, "aws-backup-restore_x"))
        os.utime(os.path.join(self.root, "aws-backup-restore_x"), (1000, 1000))
        self.assertEqual(observe.restore_directory_time(self.root, "aws-backup-restore_x"), 1000)
        self.assertEqual(observe.restore_directory_time(self.root, "aws-backup-restore_2026-12-07T04:10:05.123Z"),
                         observe.parse_time("2026-12-07T04:10:05Z"))

    def test_restore_find_needs_its_path_and_time(self):
        with mock.patch.object(sys, "stderr"), self.assertRaises(SystemExit):
            observe.parse_args(["--lab", "genomics-core", "--environment", "rnaseq", "--restore-find", self.root,
                                "--into", self.home, "--expected-file", "x"])


class RestoreCheckTest(unittest.TestCase):
    """--restore-check (a restore drill's home half): the restore directory found as --restore-find
    finds it, every file summed against the inventory, the directory removed, the home untouched."""

    setUp = RestoreFindTest.setUp
    restored = RestoreFindTest.restored

    def home_sums(self):
        return {rel: observe.sha256_file(full) for rel, full in observe.walk_files(self.home)}

    def live_home(self):
        write(self.home, "analysis.ipynb", b"the researcher's current notebook")
        return self.home_sums()

    def run_check(self, *extra):
        expected = os.path.join(tempfile.mkdtemp(), "expected.json")
        with open(expected, "w", encoding="utf-8") as f:
            json.dump({"kind": "HomeInventory", "spec": {"files": self.expected}}, f)
        out = os.path.join(tempfile.mkdtemp(), "report.json")
        with mock.patch.object(sys, "stderr") as err:
            code = observe.main(["--lab", "genomics-core", "--environment", "rnaseq-thesis", "--restore-check", self.root,
                                 "--path", "/" + HOME, "--after", JOB_CREATED,
                                 "--expected-file", expected, "--host", "h", "--output", out, *extra])
        stderr = "".join(c.args[0] for c in err.write.call_args_list)
        if not os.path.exists(out):
            return code, None, stderr
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual(doc["kind"], "HomeRestoreReport")
        return code, doc["spec"], stderr

    def test_a_clean_check_reports_every_file_identical_and_removes_the_restore_directory(self):
        before = self.live_home()
        top = self.restored("aws-backup-restore_20261207T041005Z")
        code, spec, _ = self.run_check()
        self.assertEqual(code, 0)
        self.assertTrue(spec["ok"])
        self.assertTrue(spec["check"])
        self.assertEqual([f["path"] for f in spec["identical"]], ["analysis.ipynb", "data/counts.bin"])
        self.assertEqual((spec["corrupt"], spec["missing"], spec["unexpected"]), ([], [], []))
        self.assertEqual(spec["restoreDirectory"], "/aws-backup-restore_20261207T041005Z")
        self.assertTrue(spec["removed"])
        self.assertFalse(os.path.lexists(top))
        self.assertNotIn("moved", spec)
        self.assertEqual(self.home_sums(), before)

    def test_a_planted_corruption_a_missing_and_an_extra_file_are_reported_and_the_directory_still_goes(self):
        before = self.live_home()
        top = self.restored("aws-backup-restore_20261207T041005Z", [("analysis.ipynb", b"nb, damaged"), ("stray.txt", b"x")])
        code, spec, _ = self.run_check()
        self.assertEqual(code, 0)
        self.assertFalse(spec["ok"])
        self.assertEqual(spec["corrupt"], [{"path": "analysis.ipynb", "expected": sha(b"nb"), "actual": sha(b"nb, damaged")}])
        self.assertEqual(spec["missing"], [{"path": "data/counts.bin", "expected": sha(b"counts")}])
        self.assertEqual(spec["unexpected"], ["stray.txt"])
        self.assertEqual(spec["identical"], [])
        self.assertFalse(os.path.lexists(top))
        self.assertEqual(self.home_sums(), before)

    def test_an_older_job_s_directory_is_left_alone(self):
        older = self.restored("aws-backup-restore_20261101T090000Z")
        top = self.restored("aws-backup-restore_20261207T041005Z")
        code, spec, _ = self.run_check()
        self.assertEqual(code, 0)
        self.assertEqual(spec["restoreDirectory"], "/aws-backup-restore_20261207T041005Z")
        self.assertFalse(os.path.lexists(top))
        self.assertTrue(os.path.isfile(os.path.join(older, HOME, "data/counts.bin")))

    def test_only_an_older_job_s_directory_is_a_refusal_and_nothing_is_removed(self):
        older = self.restored("aws-backup-restore_20261101T090000Z")
        code, spec, stderr = self.run_check()
        self.assertEqual((code, spec), (2, None))
        self.assertIn("older ones: /aws-backup-restore_20261101T090000Z", stderr)
        self.assertTrue(os.path.isfile(os.path.join(older, HOME, "analysis.ipynb")))

    def test_a_symlink_in_the_restore_directory_is_removed_never_followed(self):
        outside = tempfile.mkdtemp()
        write(outside, "keep.txt", b"not the restore's")
        top = self.restored("aws-backup-restore_20261207T041005Z")
        os.symlink(outside, os.path.join(top, HOME, "link"))
        code, spec, _ = self.run_check()
        self.assertEqual(code, 0)
        self.assertEqual(spec["unexpected"], ["link"])
        self.assertFalse(os.path.lexists(top))
        self.assertEqual(os.listdir(outside), ["keep.txt"])

    def test_restore_check_never_takes_a_home(self):
        with mock.patch.object(sys, "stderr"), self.assertRaises(SystemExit):
            observe.parse_args(["--lab", "genomics-core", "--environment", "rnaseq", "--restore-check", self.root,
                                "--path", "/" + HOME, "--after", JOB_CREATED, "--into", self.home, "--expected-file", "x"])



class RestoredFileTest(unittest.TestCase):
    """restored_file: the one per-file check the move, the find and the drill's check share."""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.outside = tempfile.mkdtemp()

    def entry(self, rel, data):
        return {"path": rel, "size": len(data), "sha256": sha(data)}

    def test_identical_corrupt_and_missing(self):
        write(self.dir, "same.txt", b"same")
        write(self.dir, "edited.txt", b"edXted")  # same size, other bytes
        write(self.dir, "longer.txt", b"longer than it was")
        self.assertEqual(observe.restored_file(self.dir, self.entry("same.txt", b"same")), ("identical", sha(b"same")))
        self.assertEqual(observe.restored_file(self.dir, self.entry("edited.txt", b"edited")), ("corrupt", sha(b"edXted")))
        self.assertEqual(observe.restored_file(self.dir, self.entry("longer.txt", b"longer")), ("corrupt", sha(b"longer than it was")))
        # A count needs no sum of a file whose size already differs.
        self.assertEqual(observe.restored_file(self.dir, self.entry("longer.txt", b"longer"), sum_when_size_differs=False), ("corrupt", None))
        self.assertEqual(observe.restored_file(self.dir, self.entry("gone.txt", b"x")), ("missing", None))
        self.assertEqual(observe.restored_file(self.dir, self.entry("same.txt/under", b"x")), ("missing", None))

    def test_a_symbolic_link_is_missing_even_to_identical_bytes(self):
        write(self.outside, "nb.ipynb", b"nb")
        os.symlink(os.path.join(self.outside, "nb.ipynb"), os.path.join(self.dir, "nb.ipynb"))
        os.symlink(self.outside, os.path.join(self.dir, "linked"))
        os.makedirs(os.path.join(self.dir, "a-directory"))
        self.assertEqual(observe.restored_file(self.dir, self.entry("nb.ipynb", b"nb")), ("missing", None))
        self.assertEqual(observe.restored_file(self.dir, self.entry("linked/nb.ipynb", b"nb")), ("missing", None))
        self.assertEqual(observe.restored_file(self.dir, self.entry("a-directory", b"")), ("missing", None))

    def test_the_move_the_find_and_the_check_judge_every_file_alike(self):
        write(self.outside, "x", b"x")
        cases = {"ok.txt": b"ok", "edited.txt": b"edited", "longer.txt": b"longer", "gone.txt": b"gone", "linked/x": b"x", "link.txt": b"x"}
        write(self.dir, "ok.txt", b"ok")
        write(self.dir, "edited.txt", b"edXted")
        write(self.dir, "longer.txt", b"longer than it was")
        os.symlink(self.outside, os.path.join(self.dir, "linked"))
        os.symlink(os.path.join(self.outside, "x"), os.path.join(self.dir, "link.txt"))
        expected = [self.entry(rel, data) for rel, data in sorted(cases.items())]
        checked = observe.restore_check(self.dir, expected)
        matching = observe._matching(self.dir, expected)
        moved = observe.restore_move(self.dir, tempfile.mkdtemp(), expected)
        verdicts = {
            "check": (sorted(f["path"] for f in checked["identical"]), sorted(f["path"] for f in checked["corrupt"]), sorted(f["path"] for f in checked["missing"])),
            "move": (sorted(f["path"] for f in moved["moved"]), sorted(f["path"] for f in moved["corrupt"]), sorted(f["path"] for f in moved["missing"])),
        }
        self.assertEqual(verdicts["check"], (["ok.txt"], ["edited.txt", "longer.txt"], ["gone.txt", "link.txt", "linked/x"]))
        self.assertEqual(verdicts["move"], verdicts["check"])
        self.assertEqual(matching, 1)
        self.assertEqual(checked["corrupt"], moved["corrupt"])


KEPT = ".labenv-replaced/20261207T040000Z"


def tree_bytes(root):
    """Every file under root (symbolic links as ('link', target)), by path: what the home holds."""
    out = {}
    for rel, full in observe.walk_files(root):
        if os.path.islink(full):
            out[rel] = ("link", os.readlink(full))
        else:
            with open(full, "rb") as f:
                out[rel] = f.read()
    return out


class RestoreReplaceTest(unittest.TestCase):
    """--restore-find --replace (restoreFrom.overwrite on AWS): the snapshot's files over the home's,
    each replaced thing moved first, as it is, into .labenv-replaced/<time>/ in the home."""

    setUp = RestoreFindTest.setUp
    restored = RestoreFindTest.restored

    def run_replace(self, *extra):
        return RestoreFindTest.run_main(self, "--replace", *extra)

    def read(self, rel):
        with open(os.path.join(self.home, rel), "rb") as f:
            return f.read()

    def test_a_differing_file_is_replaced_and_kept_aside_the_rest_stays(self):
        self.files = [("analysis.ipynb", b"nb"), ("data/counts.bin", b"counts"), ("new.txt", b"only in the snapshot")]
        self.expected = [{"path": p, "size": len(d), "sha256": sha(d)} for p, d in self.files]
        top = self.restored("aws-backup-restore_20261207T041005Z")
        write(self.home, "analysis.ipynb", b"edited since the snapshot")
        write(self.home, "data/counts.bin", b"counts")
        write(self.home, "mine.txt", b"not in the snapshot")
        code, spec, _ = self.run_replace()
        self.assertEqual(code, 0)
        self.assertTrue(spec["ok"])
        self.assertEqual((spec["replace"], spec["keptAside"]), (True, KEPT))
        self.assertEqual(spec["replaced"], [{"path": "analysis.ipynb", "keptAt": KEPT + "/analysis.ipynb", "kind": "file"}])
        self.assertEqual(self.read("analysis.ipynb"), b"nb")
        self.assertEqual(self.read(KEPT + "/analysis.ipynb"), b"edited since the snapshot")
        self.assertEqual(self.read("new.txt"), b"only in the snapshot")
        self.assertEqual(self.read("mine.txt"), b"not in the snapshot")
        self.assertEqual([m["path"] for m in spec["moved"]], ["analysis.ipynb", "new.txt"])
        self.assertEqual(spec["existing"], [{"path": "data/counts.bin", "sha256": sha(b"counts"), "identical": True}])
        self.assertEqual((spec["skipped"], spec["left"], spec["removed"]), ([], 0, True))
        self.assertFalse(os.path.lexists(top))
        self.assertFalse(os.path.lexists(os.path.join(self.home, KEPT, "data")))

    def test_into_an_empty_home_it_moves_as_without_replace_and_leaves_no_kept_aside_directory(self):
        self.restored("aws-backup-restore_20261207T041005Z")
        code, spec, _ = self.run_replace()
        self.assertEqual(code, 0)
        self.assertTrue(spec["ok"])
        self.assertEqual(([m["path"] for m in spec["moved"]], spec["replaced"]), (["analysis.ipynb", "data/counts.bin"], []))
        self.assertFalse(os.path.lexists(os.path.join(self.home, ".labenv-replaced")))

    def test_without_replace_the_same_home_is_not_touched(self):
        self.restored("aws-backup-restore_20261207T041005Z")
        write(self.home, "analysis.ipynb", b"edited since the snapshot")
        code, spec, _ = RestoreFindTest.run_main(self)
        self.assertEqual(code, 0)
        self.assertNotIn("replaced", spec)
        self.assertEqual(self.read("analysis.ipynb"), b"edited since the snapshot")
        self.assertFalse(os.path.lexists(os.path.join(self.home, ".labenv-replaced")))

    def test_a_symbolic_link_in_the_way_is_moved_aside_as_a_link_never_followed(self):
        outside = tempfile.mkdtemp()
        write(outside, "counts.bin", b"someone else's counts")
        write(outside, "nb", b"someone else's notebook")
        os.symlink(outside, os.path.join(self.home, "data"))
        os.symlink(os.path.join(outside, "nb"), os.path.join(self.home, "analysis.ipynb"))
        self.restored("aws-backup-restore_20261207T041005Z")
        code, spec, _ = self.run_replace()
        self.assertEqual(code, 0)
        self.assertTrue(spec["ok"])
        self.assertEqual(sorted((r["path"], r["kind"]) for r in spec["replaced"]), [("analysis.ipynb", "symlink"), ("data", "symlink")])
        self.assertEqual(tree_bytes(outside), {"counts.bin": b"someone else's counts", "nb": b"someone else's notebook"})
        self.assertFalse(os.path.islink(os.path.join(self.home, "data")))
        self.assertEqual(self.read("data/counts.bin"), b"counts")
        self.assertEqual(os.readlink(os.path.join(self.home, KEPT, "data")), outside)
        self.assertEqual(os.readlink(os.path.join(self.home, KEPT, "analysis.ipynb")), os.path.join(outside, "nb"))

    def test_a_kept_aside_directory_that_is_a_symbolic_link_is_refused_and_nothing_moves(self):
        outside = tempfile.mkdtemp()
        os.symlink(outside, os.path.join(self.home, ".labenv-replaced"))
        write(self.home, "analysis.ipynb", b"edited")
        top = self.restored("aws-backup-restore_20261207T041005Z")
        code, spec, stderr = self.run_replace()
        self.assertEqual((code, spec), (2, None))
        self.assertIn("is not a real directory of the home: nothing replaced", stderr)
        self.assertEqual(os.listdir(outside), [])
        self.assertEqual(self.read("analysis.ipynb"), b"edited")
        self.assertTrue(os.path.isfile(os.path.join(top, HOME, "analysis.ipynb")))

    def test_what_is_in_the_way_a_file_or_a_directory_moves_aside_whole(self):
        write(self.home, "data", b"a file where the snapshot has a directory")
        write(self.home, "analysis.ipynb/cell-1.txt", b"a directory where the snapshot has a file")
        self.restored("aws-backup-restore_20261207T041005Z")
        code, spec, _ = self.run_replace()
        self.assertEqual(code, 0)
        self.assertEqual(sorted((r["path"], r["kind"]) for r in spec["replaced"]), [("analysis.ipynb", "directory"), ("data", "file")])
        self.assertEqual(self.read(KEPT + "/data"), b"a file where the snapshot has a directory")
        self.assertEqual(self.read(KEPT + "/analysis.ipynb/cell-1.txt"), b"a directory where the snapshot has a file")
        self.assertEqual((self.read("data/counts.bin"), self.read("analysis.ipynb")), (b"counts", b"nb"))

    def test_a_damaged_restored_file_never_replaces_the_home_s(self):
        top = self.restored("aws-backup-restore_20261207T041005Z", [("analysis.ipynb", b"nb, damaged"), ("data/counts.bin", b"counts")])
        write(self.home, "analysis.ipynb", b"the researcher's")
        code, spec, _ = self.run_replace()
        self.assertEqual(code, 0)
        self.assertFalse(spec["ok"])
        self.assertEqual([c["path"] for c in spec["corrupt"]], ["analysis.ipynb"])
        self.assertEqual(spec["replaced"], [])
        self.assertEqual(self.read("analysis.ipynb"), b"the researcher's")
        self.assertEqual((spec["left"], spec["removed"]), (1, False))
        self.assertTrue(os.path.isfile(os.path.join(top, HOME, "analysis.ipynb")))

    def test_a_kept_version_is_never_overwritten_by_a_later_one(self):
        self.restored("aws-backup-restore_20261207T041005Z")
        write(self.home, KEPT + "/analysis.ipynb", b"kept by an earlier run of this restore")
        write(self.home, "analysis.ipynb", b"written since")
        code, spec, _ = self.run_replace()
        self.assertEqual(code, 0)
        self.assertEqual(spec["skipped"], [{"path": "analysis.ipynb", "sha256": sha(b"nb"), "why": KEPT + "/analysis.ipynb already holds a kept version"}])
        self.assertEqual(self.read("analysis.ipynb"), b"written since")
        self.assertEqual(self.read(KEPT + "/analysis.ipynb"), b"kept by an earlier run of this restore")
        self.assertEqual(spec["replaced"], [{"path": "analysis.ipynb", "keptAt": KEPT + "/analysis.ipynb", "earlier": True}])

    def test_replace_needs_a_move_and_its_time(self):
        for argv in (["--home-inventory", self.home, "--replace"],
                     ["--restore-move", self.root, "--into", self.home, "--expected-file", "x", "--replace"]):
            with mock.patch.object(sys, "stderr"), self.assertRaises(SystemExit):
                observe.parse_args(["--lab", "genomics-core", "--environment", "rnaseq"] + argv)


# The agent as a child process that is killed (SIGKILL, as a stopped task is) just before its n-th
# change to the file system: each rename, link, unlink, mkdir and rmdir it makes, and each file it
# opens to write.
KILLED_AT = r"""
import builtins, os, signal, sys
sys.path.insert(0, sys.argv[1])
import observe
limit, count = int(sys.argv[2]), [0]
def counted(real, changes=lambda *a, **kw: True):
    def change(*a, **kw):
        if changes(*a, **kw):
            count[0] += 1
            if count[0] == limit:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(*a, **kw)
    return change
for name in ("rename", "replace", "link", "unlink", "mkdir", "rmdir"):
    setattr(os, name, counted(getattr(os, name)))
os.open = counted(os.open, lambda path, flags, *a, **kw: flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
builtins.open = counted(builtins.open, lambda file, mode="r", *a, **kw: any(c in mode for c in "wax+"))
sys.exit(observe.main(sys.argv[3:]))
"""
AGENT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "reconciler", "agent")


class ReplaceKilledTest(unittest.TestCase):
    """A replace killed at every point it changes the file system: each byte of the home is in place
    or kept aside, each byte of the snapshot in the home or still in the restore directory, and
    running it again finishes the restore, the report listing what the killed run kept aside."""

    SNAPSHOT = {"analysis.ipynb": b"nb", "data/counts.bin": b"counts", "results": b"a file now",
                "figures/a.png": b"png", "same.txt": b"same", "new/deep/x.txt": b"x"}
    HOME_NOW = {"analysis.ipynb": b"edited", "data": b"a file where the snapshot has a directory",
                "results/r1.csv": b"r1", "results/r2.csv": b"r2", "same.txt": b"same",
                "figures/a.png": b"png, redrawn", "mine.txt": b"mine"}

    def scenario(self):
        root = tempfile.mkdtemp()
        home = os.path.join(root, HOME)
        for rel, data in self.HOME_NOW.items():
            write(home, rel, data)
        outside = tempfile.mkdtemp()
        write(outside, "x", b"outside")
        os.symlink(outside, os.path.join(home, "new"))
        for rel, data in self.SNAPSHOT.items():
            write(root, "aws-backup-restore_20261207T041005Z/%s/%s" % (HOME, rel), data)
        expected = os.path.join(tempfile.mkdtemp(), "expected.json")
        with open(expected, "w", encoding="utf-8") as f:
            json.dump({"spec": {"files": [{"path": p, "size": len(d), "sha256": sha(d)} for p, d in sorted(self.SNAPSHOT.items())]}}, f)
        out = os.path.join(tempfile.mkdtemp(), "report.json")
        argv = ["--lab", "genomics-core", "--environment", "rnaseq-thesis", "--restore-find", root, "--path", "/" + HOME,
                "--after", JOB_CREATED, "--into", home, "--expected-file", expected, "--host", "h", "--output", out, "--replace"]
        return root, home, outside, argv, out

    def run_killed_at(self, limit, argv):
        import subprocess
        done = subprocess.run([sys.executable, "-c", KILLED_AT, AGENT_DIR, str(limit)] + argv,
                              capture_output=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        return done.returncode, done.stderr.decode("utf-8", "replace")

    def assert_nothing_lost(self, root, home, outside, where):
        now = tree_bytes(home)
        kept = {rel[len(KEPT) + 1:]: data for rel, data in now.items() if rel.startswith(KEPT + "/")}
        restore = tree_bytes(os.path.join(root, "aws-backup-restore_20261207T041005Z")) if os.path.lexists(os.path.join(root, "aws-backup-restore_20261207T041005Z")) else {}
        for rel, data in self.HOME_NOW.items():
            self.assertTrue(now.get(rel) == data or kept.get(rel) == data or any(kept.get(k) == data for k in kept if rel.startswith(k + "/")),
                            "%s: the home's %s is neither in place nor kept aside" % (where, rel))
        self.assertTrue(now.get("new") == ("link", outside) or kept.get("new") == ("link", outside), "%s: the link new is gone" % where)
        for rel, data in self.SNAPSHOT.items():
            self.assertTrue(now.get(rel) == data or restore.get("%s/%s" % (HOME, rel)) == data,
                            "%s: the snapshot's %s is neither in the home nor in the restore directory" % (where, rel))
        self.assertEqual(tree_bytes(outside), {"x": b"outside"}, where)

    def test_killed_anywhere_nothing_is_lost_and_a_run_again_finishes(self):
        limit, killed, cleanup = 1, 0, 0
        while True:
            root, home, outside, argv, out = self.scenario()
            code, _ = self.run_killed_at(limit, argv)
            if code != -9:
                break
            killed += 1
            where = "killed before change %d" % limit
            self.assert_nothing_lost(root, home, outside, where)
            top = os.path.join(root, "aws-backup-restore_20261207T041005Z")
            if not os.path.lexists(os.path.join(top, HOME)):
                # Killed while removing the emptied restore directory: every file was placed, and
                # the report saying so was written before the removal began.
                self.assertEqual(tree_bytes(top) if os.path.lexists(top) else {}, {}, where)
                for rel, data in self.SNAPSHOT.items():
                    self.assertEqual(tree_bytes(home).get(rel), data, "%s: %s" % (where, rel))
                self.assertTrue(os.path.exists(out), "%s: no report, though every file was placed" % where)
                with open(out, encoding="utf-8") as f:
                    spec = json.load(f)["spec"]
                self.assertTrue(spec["ok"], where)
                self.assertEqual((spec["left"], spec["removed"]), (0, False), where)
                self.assertEqual(sorted(r["path"] for r in spec["replaced"]), ["analysis.ipynb", "data", "figures/a.png", "new", "results"], where)
                cleanup += 1
                limit += 1
                continue
            self.assertFalse(os.path.exists(out) and tree_bytes(os.path.join(top, HOME)), "%s: a report while files wait to be moved" % where)
            # Run again, to the end: the restore finishes, the report names what the killed run kept aside.
            self.assertEqual(self.run_killed_at(0, argv), (0, ""), where)
            with open(out, encoding="utf-8") as f:
                spec = json.load(f)["spec"]
            self.assertTrue(spec["ok"], where)
            self.assert_nothing_lost(root, home, outside, where)
            for rel, data in self.SNAPSHOT.items():
                self.assertEqual(tree_bytes(home).get(rel), data, "%s: %s" % (where, rel))
            self.assertEqual(sorted({r["path"].split("/")[0] for r in spec["replaced"]}), ["analysis.ipynb", "data", "figures", "new", "results"], where)
            self.assertEqual(self.read_kept(home, "analysis.ipynb"), b"edited", where)
            self.assertFalse(os.path.lexists(os.path.join(root, "aws-backup-restore_20261207T041005Z")), where)
            limit += 1
        self.assertEqual(code, 0)
        self.assertGreater(killed, 20)
        self.assertGreater(cleanup, 3)  # the removal of the emptied directory was killed at each of its steps
        with open(out, encoding="utf-8") as f:
            spec = json.load(f)["spec"]
        self.assertEqual(sorted(r["path"] for r in spec["replaced"]), ["analysis.ipynb", "data", "figures/a.png", "new", "results"])
        self.assertEqual((spec["left"], spec["removed"]), (0, True))
        self.assert_nothing_lost(root, home, outside, "not killed")

    def test_a_move_killed_anywhere_has_placed_each_file_or_left_it_to_a_run_again_and_a_report_once_all_are_placed(self):
        limit, cleanup = 1, 0
        while True:
            root, home, _outside, argv, out = self.scenario()
            argv.remove("--replace")
            shutil.rmtree(home)  # an empty home: nothing in the way
            os.makedirs(home)
            code, _ = self.run_killed_at(limit, argv)
            if code != -9:
                break
            where = "killed before change %d" % limit
            top = os.path.join(root, "aws-backup-restore_20261207T041005Z")
            if os.path.exists(out):
                # Only once every file is placed, before the emptied restore directory goes.
                with open(out, encoding="utf-8") as f:
                    spec = json.load(f)["spec"]
                self.assertTrue(spec["ok"], where)
                self.assertEqual(sorted(m["path"] for m in spec["moved"]), sorted(self.SNAPSHOT), where)
                self.assertEqual((spec["left"], spec["removed"]), (0, False), where)
                for rel, data in self.SNAPSHOT.items():
                    self.assertEqual(tree_bytes(home).get(rel), data, "%s: %s" % (where, rel))
                cleanup += 1
            else:
                self.assertTrue(os.path.isdir(os.path.join(top, HOME)), "%s: no report and no restore to run again" % where)
                self.assertEqual(self.run_killed_at(0, argv), (0, ""), where)
                with open(out, encoding="utf-8") as f:
                    self.assertTrue(json.load(f)["spec"]["ok"], where)
                for rel, data in self.SNAPSHOT.items():
                    self.assertEqual(tree_bytes(home).get(rel), data, "%s: %s" % (where, rel))
                self.assertFalse(os.path.lexists(top), where)
            limit += 1
        self.assertEqual(code, 0)
        self.assertGreater(cleanup, 3)

    def read_kept(self, home, rel):
        with open(os.path.join(home, KEPT, rel), "rb") as f:
            return f.read()


if __name__ == "__main__":
    unittest.main()
