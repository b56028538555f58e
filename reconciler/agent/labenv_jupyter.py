"""labenv inside Jupyter: notebook provenance, and the observation agent's schedule.

- ``pre_save_hook`` (``ContentsManager.pre_save_hook = "labenv_jupyter.pre_save_hook"``): every
  notebook saved records, in its top-level metadata under ``labenv``, the environment, the lock
  digest and the image (by digest) it was saved under. ``labenv which <notebook.ipynb>`` reads it
  back.
- As a Jupyter server extension, it starts the observation agent at server start; the agent
  reports then and every ``$LABENV_AGENT_INTERVAL_MINUTES`` (default 15).
- At server start it also places the domain pack's example notebooks the image holds
  (``/opt/labenv/examples/``, listed with their sha256 in ``manifest.json``) in ``examples/`` of
  the home (``$LABENV_HOME``, default ``/home/jovyan``): each one once, recorded in
  ``.labenv/examples.json``, never over a file already there and never again after that (not
  even when the researcher deletes it).

Python standard library only; nothing here may stop a save or the server.
"""

import hashlib
import json
import os
import subprocess
import sys
import urllib.request

METADATA_KEY = "labenv"
AGENT = "/opt/labenv/agent/observe.py"
EXAMPLES = "/opt/labenv/examples"
HOME = "/home/jovyan"
RECORD = ".labenv/examples.json"
MAX_EXAMPLE_BYTES = 1024 * 1024
MAX_EXAMPLES = 20


def image_reference(environ=None):
    """The image the container runs, by digest: $LABENV_IMAGE, else the ECS container metadata."""
    env = os.environ if environ is None else environ
    if env.get("LABENV_IMAGE"):
        return env["LABENV_IMAGE"]
    uri = env.get("ECS_CONTAINER_METADATA_URI_V4")
    if not uri:
        return None
    try:
        with urllib.request.urlopen(uri, timeout=1) as r:
            meta = json.load(r)
    except (OSError, ValueError):
        return None
    image = meta.get("Image") or ""
    if "@sha256:" in image:
        return image
    digest = meta.get("ImageID") or ""
    if image and digest.startswith("sha256:"):
        name = image.rsplit(":", 1)[0] if ":" in image.rsplit("/", 1)[-1] else image
        return "%s@%s" % (name, digest)
    return image or None


def provenance(environ=None):
    """What a saved notebook records about where it was saved."""
    env = os.environ if environ is None else environ
    record = {
        "lab": env.get("LABENV_LAB"),
        "environment": env.get("LABENV_ENVIRONMENT"),
        "lockDigest": env.get("LABENV_LOCK_DIGEST"),
        "image": image_reference(env),
    }
    return {k: v for k, v in record.items() if v}


def pre_save_hook(model, path=None, contents_manager=None, **kwargs):
    """Jupyter calls this with the model it is about to save; only notebooks are marked."""
    if not isinstance(model, dict) or model.get("type") != "notebook":
        return
    content = model.get("content")
    if not isinstance(content, dict):
        return
    record = provenance()
    if not record.get("environment"):
        return
    metadata = content.setdefault("metadata", {})
    if isinstance(metadata, dict):
        metadata[METADATA_KEY] = record


def _read_json(path, limit):
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError:
        return None
    if len(data) > limit:
        return None
    try:
        return json.loads(data.decode("utf-8"))
    except ValueError:
        return None


def _write_atomic(path, data):
    tmp = "%s.%d.tmp" % (path, os.getpid())
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def place_examples(home=None, source=EXAMPLES):
    """Place the image's example notebooks in ``<home>/examples/``; returns what it did per file.

    Each example is placed at most once: the first start that sees it writes it (or, when a file
    of that name is already there, keeps the researcher's file) and records it in
    ``<home>/.labenv/examples.json``; a recorded example is never placed again. A file whose bytes
    do not have the manifest's sha256 and size, or is larger than 1 MiB, is not placed.
    """
    home = home or os.environ.get("LABENV_HOME") or HOME
    manifest = _read_json(os.path.join(source, "manifest.json"), MAX_EXAMPLE_BYTES)
    if not isinstance(manifest, dict) or not isinstance(manifest.get("examples"), list):
        return {}
    record_path = os.path.join(home, RECORD)
    record = _read_json(record_path, MAX_EXAMPLE_BYTES) if os.path.exists(record_path) else None
    placed = record.get("examples") if isinstance(record, dict) else None
    if not isinstance(placed, dict):
        placed = {}
    outcomes = {}
    for entry in manifest["examples"][:MAX_EXAMPLES]:
        name = entry.get("file") if isinstance(entry, dict) else None
        if not isinstance(name, str) or "/" in name or name.startswith(".") or name in placed:
            continue
        target = os.path.join(home, "examples", name)
        if os.path.lexists(target):
            outcome = "kept"
        else:
            try:
                with open(os.path.join(source, name), "rb") as f:
                    data = f.read(MAX_EXAMPLE_BYTES + 1)
            except OSError:
                continue
            digest = "sha256:" + hashlib.sha256(data).hexdigest()
            if len(data) != entry.get("size") or digest != entry.get("sha256"):
                outcomes[name] = "refused"
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
            except FileExistsError:
                outcome = "kept"
            else:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                outcome = "placed"
        placed[name] = {"pack": manifest.get("pack"), "sha256": entry.get("sha256"), "outcome": outcome}
        outcomes[name] = outcome
    if any(o != "refused" for o in outcomes.values()):
        os.makedirs(os.path.dirname(record_path), exist_ok=True)
        body = json.dumps({"examples": placed}, indent=2, sort_keys=True) + "\n"
        _write_atomic(record_path, body.encode("utf-8"))
    return outcomes


def _jupyter_server_extension_points():
    return [{"module": "labenv_jupyter"}]


def _load_jupyter_server_extension(serverapp):
    """Place the pack's examples, then start the agent next to the server (it reports now and every interval)."""
    try:
        place_examples()
    except (OSError, ValueError) as e:
        serverapp.log.warning("labenv: the example notebooks were not placed: %s", e)
    if not os.path.exists(AGENT) or not os.environ.get("LABENV_ENVIRONMENT"):
        return
    minutes = os.environ.get("LABENV_AGENT_INTERVAL_MINUTES") or "15"
    try:
        subprocess.Popen(
            [sys.executable, AGENT, "--every", minutes, "--output", os.devnull],
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as e:
        serverapp.log.warning("labenv: the observation agent did not start: %s", e)
