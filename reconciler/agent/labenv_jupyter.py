"""labenv inside Jupyter: notebook provenance, and the observation agent's schedule.

- ``pre_save_hook`` (``ContentsManager.pre_save_hook = "labenv_jupyter.pre_save_hook"``): every
  notebook saved records, in its top-level metadata under ``labenv``, the environment, the lock
  digest and the image (by digest) it was saved under. ``labenv which <notebook.ipynb>`` reads it
  back.
- As a Jupyter server extension, it starts the observation agent at server start; the agent
  reports then and every ``$LABENV_AGENT_INTERVAL_MINUTES`` (default 15).

Python standard library only; nothing here may stop a save or the server.
"""

import json
import os
import subprocess
import sys
import urllib.request

METADATA_KEY = "labenv"
AGENT = "/opt/labenv/agent/observe.py"


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


def _jupyter_server_extension_points():
    return [{"module": "labenv_jupyter"}]


def _load_jupyter_server_extension(serverapp):
    """Start the agent next to the server; it reports now and every interval."""
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
