"""The notebook provenance hook, saved through as Jupyter's contents manager calls it (stdlib only)."""

import http.server
import json
import os
import sys
import tempfile
import threading
import unittest
from unittest import mock

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "reconciler", "agent"))
import labenv_jupyter  # noqa: E402

IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/genomics-core@sha256:" + "b" * 64
LOCK = "sha256:" + "5" * 64
ENV = {"LABENV_LAB": "genomics-core", "LABENV_ENVIRONMENT": "rnaseq", "LABENV_LOCK_DIGEST": LOCK}


class FileContentsManager:
    """The part of Jupyter's FileContentsManager.save that matters: run the hook, then write the model."""

    def __init__(self, root, hook):
        self.root, self.pre_save_hook = root, hook

    def save(self, model, path):
        self.pre_save_hook(model=model, path=path, contents_manager=self)
        with open(os.path.join(self.root, path), "w", encoding="utf-8") as f:
            json.dump(model["content"], f)


def notebook():
    return {
        "type": "notebook",
        "format": "json",
        "content": {"cells": [], "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5},
    }


class PreSaveHookTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.cm = FileContentsManager(self.dir, labenv_jupyter.pre_save_hook)

    def saved(self, path):
        with open(os.path.join(self.dir, path), encoding="utf-8") as f:
            return json.load(f)

    def test_records_environment_lock_and_image_in_the_saved_notebook(self):
        with mock.patch.dict(os.environ, {**ENV, "LABENV_IMAGE": IMAGE}, clear=True):
            self.cm.save(notebook(), "analysis.ipynb")
        meta = self.saved("analysis.ipynb")["metadata"]
        self.assertEqual(meta["labenv"], {"lab": "genomics-core", "environment": "rnaseq", "lockDigest": LOCK, "image": IMAGE})
        self.assertEqual(meta["kernelspec"], {"name": "python3"})

    def test_reads_the_image_digest_from_the_ecs_container_metadata(self):
        class Metadata(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = json.dumps({"Image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/genomics-core:rnaseq-ctx-0123456789abcdef", "ImageID": "sha256:" + "b" * 64}).encode()
                self.send_response(200)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        server = http.server.HTTPServer(("127.0.0.1", 0), Metadata)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            uri = "http://127.0.0.1:%d/v4/container" % server.server_address[1]
            with mock.patch.dict(os.environ, {**ENV, "ECS_CONTAINER_METADATA_URI_V4": uri}, clear=True):
                self.cm.save(notebook(), "a.ipynb")
        finally:
            server.shutdown()
        self.assertEqual(self.saved("a.ipynb")["metadata"]["labenv"]["image"], IMAGE)

    def test_a_second_save_replaces_the_record_after_the_environment_changed(self):
        with mock.patch.dict(os.environ, {**ENV, "LABENV_IMAGE": IMAGE}, clear=True):
            self.cm.save(notebook(), "a.ipynb")
        model = notebook()
        model["content"] = self.saved("a.ipynb")
        newer = "sha256:" + "6" * 64
        with mock.patch.dict(os.environ, {**ENV, "LABENV_LOCK_DIGEST": newer, "LABENV_IMAGE": IMAGE}, clear=True):
            self.cm.save(model, "a.ipynb")
        self.assertEqual(self.saved("a.ipynb")["metadata"]["labenv"]["lockDigest"], newer)

    def test_leaves_files_and_notebooks_outside_labenv_alone(self):
        with mock.patch.dict(os.environ, {**ENV, "LABENV_IMAGE": IMAGE}, clear=True):
            text = {"type": "file", "format": "text", "content": "x"}
            labenv_jupyter.pre_save_hook(model=text, path="notes.txt", contents_manager=self.cm)
            self.assertEqual(text["content"], "x")
        with mock.patch.dict(os.environ, {}, clear=True):
            self.cm.save(notebook(), "b.ipynb")
        self.assertNotIn("labenv", self.saved("b.ipynb")["metadata"])


if __name__ == "__main__":
    unittest.main()
