#!/usr/bin/env python3
"""labenv observation agent: what a running Jupyter container really has.

Collects the installed Python distributions (``python -m pip inspect``, or the
``*.dist-info`` directories of ``--site-packages``), the kernelspecs
(``jupyter kernelspec list --json``, or ``kernel.json`` files in kernel
directories), the R packages in R's library directories (their ``DESCRIPTION`` files; R's
base and recommended packages left out), the JupyterLab extensions (``package.json`` under
``share/jupyter/labextensions``) and sha256 hashes of the Jupyter config
values and files, and writes one labenv Observation document (JSON or YAML,
valid against schemas/observation.schema.json) to a file or stdout.

Python standard library only: it runs in any image a domain pack ships
(``/opt/labenv/agent/observe.py``). Exit codes: 0 written, 2 usage or error.
"""

import argparse
import email.parser
import glob
import hashlib
import hmac
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone

API_VERSION = "labenv.westtek.io/v1"
LANGUAGES = {"python": "python", "r": "R", "julia": "julia"}
NAME = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
KERNEL_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
EXTENSION_NAME = re.compile(r"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$")
EXTENSION_VERSION = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$")


class AgentError(Exception):
    """A problem the agent reports and exits 2 for."""


def warn(message):
    sys.stderr.write("labenv agent: %s\n" % message)


def normalize_name(name):
    """PEP 503: lower case, runs of -, _ and . as one -."""
    return re.sub(r"[-_.]+", "-", name).lower()


def canonical_json(value):
    """The same bytes labenv's canonicalJson gives: sorted keys, no spaces, integral floats as integers."""
    return json.dumps(_integral(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _integral(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _integral(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_integral(v) for v in value]
    return value


def sha256_text(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- packages -------------------------------------------------------------

def packages_from_pip_inspect(report):
    """Distributions from `pip inspect` output (format version 1)."""
    out = {}
    for dist in report.get("installed", []):
        meta = dist.get("metadata", {})
        if not meta.get("name") or not meta.get("version"):
            continue
        item = {"name": normalize_name(meta["name"]), "version": str(meta["version"])[:64]}
        if dist.get("installer"):
            item["installer"] = str(dist["installer"])
        if isinstance(dist.get("requested"), bool):
            item["requested"] = dist["requested"]
        if dist.get("metadata_location"):
            item["location"] = os.path.dirname(dist["metadata_location"])
        out.setdefault(item["name"], item)
    return out


def python_from_pip_inspect(report):
    version = (report.get("environment") or {}).get("python_full_version")
    return version if version and re.match(r"^3\.[0-9]{1,2}\.[0-9]{1,2}$", version) else None


def run_pip_inspect(python):
    try:
        done = subprocess.run([python, "-m", "pip", "inspect"], capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise AgentError("`%s -m pip inspect` could not run: %s (use --site-packages)" % (python, e))
    if done.returncode != 0:
        raise AgentError("`%s -m pip inspect` failed: %s (use --site-packages)" % (python, done.stderr.strip().splitlines()[-1:] or ""))
    return json.loads(done.stdout)


def packages_from_site_packages(directories):
    """Distributions from *.dist-info (METADATA, INSTALLER, REQUESTED) and *.egg-info (PKG-INFO) directories."""
    out = {}
    for directory in directories:
        for info in sorted(glob.glob(os.path.join(directory, "*.dist-info")) + glob.glob(os.path.join(directory, "*.egg-info"))):
            meta_file = os.path.join(info, "METADATA" if info.endswith(".dist-info") else "PKG-INFO")
            if not os.path.isfile(meta_file):
                continue
            with open(meta_file, encoding="utf-8", errors="replace") as f:
                headers = email.parser.Parser().parse(f, headersonly=True)
            name, version = headers.get("Name"), headers.get("Version")
            if not name or not version:
                continue
            item = {"name": normalize_name(name.strip()), "version": version.strip()[:64]}
            installer = os.path.join(info, "INSTALLER")
            if os.path.isfile(installer):
                with open(installer, encoding="utf-8", errors="replace") as f:
                    text = f.read().strip()
                if text:
                    item["installer"] = text
            if info.endswith(".dist-info"):
                item["requested"] = os.path.exists(os.path.join(info, "REQUESTED"))
            item["location"] = directory
            out.setdefault(item["name"], item)
    return out


# --- kernels --------------------------------------------------------------

R_DEFAULT_LIBRARIES = [
    "/usr/local/lib/R/site-library",
    "/usr/lib/R/site-library",
    "/usr/local/lib/R/library",
    "/usr/lib/R/library",
    "/opt/conda/lib/R/library",
]
R_OWN_PRIORITIES = ("base", "recommended")


def r_library_directories(environ=None):
    """R's library directories in .libPaths() order: $R_LIBS, $R_LIBS_USER, $R_LIBS_SITE, then the usual places."""
    env = os.environ if environ is None else environ
    dirs = []
    for var in ("R_LIBS", "R_LIBS_USER", "R_LIBS_SITE"):
        dirs.extend(d for d in (env.get(var) or "").split(":") if d)
    return [d for d in dirs + R_DEFAULT_LIBRARIES if os.path.isdir(d)]


def parse_description(text):
    """An R DESCRIPTION file (Debian control format) as a dict; continuation lines are joined."""
    fields, last = {}, None
    for line in text.splitlines():
        if line[:1] in (" ", "\t") and last:
            fields[last] += " " + line.strip()
        elif ":" in line:
            last, _, value = line.partition(":")
            last = last.strip()
            fields[last] = value.strip()
    return fields


def r_packages_from_libraries(directories):
    """Installed R packages by name (the first library that has one wins, as R loads it), R's own left out."""
    found = {}
    for d in directories:
        try:
            names = sorted(os.listdir(d))
        except OSError:
            continue
        for name in names:
            path = os.path.join(d, name, "DESCRIPTION")
            if name in found or not os.path.isfile(path):
                continue
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    fields = parse_description(f.read(256 * 1024))
            except OSError:
                continue
            if fields.get("Package") != name or not fields.get("Version"):
                continue
            # R's own packages: base and recommended by priority, and those without one that R
            # ships itself (R 4.2's `translations`), whose licence is "Part of R <version>".
            if fields.get("Priority") in R_OWN_PRIORITIES or fields.get("License", "").startswith("Part of R"):
                continue
            found[name] = {"name": name, "version": fields["Version"]}
    return found


JULIA_ENTRY = re.compile(r"^\[\[deps\.([A-Za-z][A-Za-z0-9_]*)\]\]\s*$")
JULIA_FIELD = re.compile(r'^(version|git-tree-sha1|uuid)\s*=\s*"([^"]*)"\s*$')
JULIA_TREE = re.compile(r"^[0-9a-f]{40}$")
JULIA_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
JULIA_PROJECT_VERSION = re.compile(r'^version\s*=\s*"([^"]*)"\s*$')
# What the agent hashes of the installed Julia packages at most, in all: past it a package's tree
# is the one its directory's name stands for (Pkg named it from the tree), and a warning says so.
JULIA_HASH_MAX_BYTES = 2 * 1024 * 1024 * 1024
JULIA_HASH_MAX_FILES = 500_000


def julia_depots(environ=None):
    """Julia's depots as JULIA_DEPOT_PATH gives them (an empty entry is the user's ~/.julia)."""
    env = os.environ if environ is None else environ
    home = os.path.join(os.path.expanduser("~"), ".julia")
    value = env.get("JULIA_DEPOT_PATH")
    if not value:
        return [home]
    return [d or home for d in value.split(":")]


def _crc32c_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC32C = _crc32c_table()


def crc32c(data, crc=0):
    """CRC-32C (Castagnoli), as Julia's Base._crc32c: `crc` continues an earlier checksum."""
    crc ^= 0xFFFFFFFF
    for b in data:
        crc = _CRC32C[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


_SLUG_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def julia_version_slug(uuid, tree):
    """The directory Pkg installs a package's tree in, `packages/<Name>/<slug>` (Base.version_slug:
    CRC-32C of the uuid's 128-bit value as it lies in memory, little-endian, then of the tree's
    20 bytes, written as 5 base-62 digits, least significant first)."""
    value = int(uuid.replace("-", ""), 16).to_bytes(16, "little")
    crc = crc32c(bytes.fromhex(tree), crc32c(value))
    out = []
    for _ in range(5):
        crc, d = divmod(crc, len(_SLUG_CHARS))
        out.append(_SLUG_CHARS[d])
    return "".join(out)


class _HashBudget:
    """What is left to hash: bytes and files. Spent, it raises OverflowError."""

    def __init__(self, max_bytes, max_files):
        self.bytes, self.files = max_bytes, max_files

    def take(self, size):
        self.bytes -= size
        self.files -= 1
        if self.bytes < 0 or self.files < 0:
            raise OverflowError("hash budget spent")


def _git_object(kind, body):
    return hashlib.sha1(b"%s %d\0" % (kind, len(body)) + body).digest()


def git_tree_hash(root, budget):
    """The git tree SHA-1 of a directory as Pkg computes it for an installed package
    (GitTools.tree_hash): entries in git's order, `.git` left out, empty directories left out,
    files 100644 or 100755 by their owner's execute bit, symbolic links 120000 with their target
    as content, never followed. None for a directory with no file in it."""
    entries = []
    for name in os.listdir(root):
        if name == ".git":
            continue
        path = os.path.join(root, name)
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            target = os.fsencode(os.readlink(path))
            budget.take(len(target))
            entries.append((os.fsencode(name), b"120000", _git_object(b"blob", target)))
        elif stat.S_ISDIR(st.st_mode):
            sub = git_tree_hash(path, budget)
            if sub is not None:
                entries.append((os.fsencode(name) + b"/", b"40000", sub))
        elif stat.S_ISREG(st.st_mode):
            budget.take(st.st_size)
            h = hashlib.sha1(b"blob %d\0" % st.st_size)
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
            mode = b"100755" if st.st_mode & stat.S_IXUSR else b"100644"
            entries.append((os.fsencode(name), mode, h.digest()))
    if not entries:
        return None
    entries.sort(key=lambda e: e[0])  # git orders a directory as if its name ended in "/"
    return _git_object(b"tree", b"".join(m + b" " + n.rstrip(b"/") + b"\0" + d for n, m, d in entries))


def _installed_version(directory):
    """The version in an installed package's own Project.toml, or None."""
    try:
        with open(os.path.join(directory, "Project.toml"), encoding="utf-8", errors="replace") as f:
            for line in f.read(1024 * 1024).splitlines():
                m = JULIA_PROJECT_VERSION.match(line.strip())
                if m:
                    return m.group(1)
    except OSError:
        pass
    return None


def julia_packages_from_project(project, depots, max_bytes=JULIA_HASH_MAX_BYTES, max_files=JULIA_HASH_MAX_FILES):
    """The Julia packages the image's project loads, as installed: for each Manifest.toml entry
    with a tree (standard libraries have none), the directory Pkg installed that tree in
    (`packages/<Name>/<slug>` in the first depot that has it), reported with the version its own
    Project.toml gives and the git tree hash of what is there. A package whose directory is in no
    depot is not reported; a file changed after install shows as another tree."""
    try:
        with open(os.path.join(project, "Manifest.toml"), encoding="utf-8", errors="replace") as f:
            text = f.read(16 * 1024 * 1024)
    except OSError:
        return []
    entries, current = [], None
    for line in text.splitlines():
        line = line.strip()
        m = JULIA_ENTRY.match(line)
        if m:
            current = {"name": m.group(1)}
            entries.append(current)
            continue
        f = JULIA_FIELD.match(line)
        if f and current is not None:
            current[{"version": "version", "git-tree-sha1": "tree", "uuid": "uuid"}[f.group(1)]] = f.group(2)
    budget = _HashBudget(max_bytes, max_files)
    found = []
    for e in entries:
        if not JULIA_TREE.match(e.get("tree", "")) or not JULIA_UUID.match(e.get("uuid", "")):
            continue  # a standard library, or not an installed tree
        slug = julia_version_slug(e["uuid"], e["tree"])
        directory = next(
            (p for p in (os.path.join(d, "packages", e["name"], slug) for d in depots) if os.path.isdir(p)),
            None,
        )
        if directory is None:
            continue
        try:
            digest = git_tree_hash(directory, budget)
            tree = digest.hex() if digest is not None else None
        except OverflowError:
            warn(
                "julia package %s: past %d MiB or %d files hashed, its tree is the one its directory %s stands for"
                % (e["name"], max_bytes // (1024 * 1024), max_files, slug)
            )
            tree = e["tree"]
        except OSError as err:
            warn("julia package %s: %s could not be read (%s)" % (e["name"], directory, err))
            continue
        version = _installed_version(directory) or e.get("version")
        if tree is None or version is None:
            continue  # an empty directory: nothing is installed
        found.append({"name": e["name"], "version": version, "gitTreeSha1": tree})
    return sorted(found, key=lambda p: p["name"])


def kernel_from_spec(name, spec):
    language = LANGUAGES.get(str(spec.get("language", "")).lower())
    if not KERNEL_NAME.match(name):
        warn("kernel %r skipped: not a kernelspec name labenv records" % name)
        return None
    if language is None:
        warn("kernel %s skipped: language %r is not python, R or julia" % (name, spec.get("language")))
        return None
    kernel = {"name": name, "language": language}
    if spec.get("display_name"):
        kernel["displayName"] = str(spec["display_name"])[:128]
    return kernel


def kernels_from_list(listing):
    """Kernels from `jupyter kernelspec list --json`."""
    out = {}
    for name, entry in sorted((listing.get("kernelspecs") or {}).items()):
        kernel = kernel_from_spec(name, entry.get("spec") or {})
        if kernel:
            out[name] = kernel
    return out


def kernels_from_directories(directories):
    """Kernels from <dir>/<name>/kernel.json; the first directory that has a name wins."""
    out = {}
    for directory in directories:
        for spec_file in sorted(glob.glob(os.path.join(directory, "*", "kernel.json"))):
            name = os.path.basename(os.path.dirname(spec_file)).lower()
            if name in out:
                continue
            try:
                with open(spec_file, encoding="utf-8") as f:
                    spec = json.load(f)
            except (OSError, ValueError) as e:
                warn("%s skipped: %s" % (spec_file, e))
                continue
            kernel = kernel_from_spec(name, spec)
            if kernel:
                out[name] = kernel
    return out


def run_kernelspec_list():
    try:
        done = subprocess.run(["jupyter", "kernelspec", "list", "--json"], capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    try:
        return json.loads(done.stdout)
    except ValueError:
        return None


# --- extensions -----------------------------------------------------------

def extensions_from_directories(directories):
    """JupyterLab extensions: <dir>/<name>/package.json and <dir>/@scope/<name>/package.json; the first directory wins."""
    out = {}
    for directory in directories:
        found = glob.glob(os.path.join(directory, "*", "package.json")) + glob.glob(os.path.join(directory, "@*", "*", "package.json"))
        for package_file in sorted(found):
            try:
                with open(package_file, encoding="utf-8") as f:
                    package = json.load(f)
            except (OSError, ValueError) as e:
                warn("%s skipped: %s" % (package_file, e))
                continue
            name, version = package.get("name"), package.get("version")
            if not isinstance(name, str) or not EXTENSION_NAME.match(name) or not isinstance(version, str) or not EXTENSION_VERSION.match(version):
                warn("%s skipped: no npm name and x.y.z version" % package_file)
                continue
            out.setdefault(name, {"name": name, "version": version})
    return out


# --- Jupyter config -------------------------------------------------------

def config_hashes(directories):
    """sha256 of each `Section.option` from jupyter_*_config.json (and .d/*.json), of each jupyter_*_config.py file.

    Directories come highest precedence first (as `jupyter --paths` lists them); a value
    from a higher-precedence directory wins, and in one directory a main file overrides
    its `.d/` drop-ins."""
    values, files = {}, {}
    for directory in reversed(directories):
        for main in sorted(glob.glob(os.path.join(directory, "jupyter_*_config.json"))):
            dropins = sorted(glob.glob(os.path.join(main[: -len(".json")] + ".d", "*.json")))
            for path in dropins + [main]:
                try:
                    with open(path, encoding="utf-8") as f:
                        data = json.load(f)
                except (OSError, ValueError) as e:
                    warn("%s skipped: %s" % (path, e))
                    continue
                for section, options in (data or {}).items():
                    if isinstance(options, dict):
                        for option, value in options.items():
                            values["%s.%s" % (section, option)] = value
        for path in sorted(glob.glob(os.path.join(directory, "jupyter_*_config.py"))):
            with open(path, "rb") as f:
                files[path] = hashlib.sha256(f.read()).hexdigest()
    out = [{"key": k, "sha256": sha256_text(canonical_json(v))} for k, v in values.items()]
    out += [{"key": k, "sha256": v} for k, v in files.items()]
    return sorted(out, key=lambda c: c["key"])


# --- where things are -----------------------------------------------------

def data_directories():
    """Jupyter data directories, highest precedence first."""
    home = os.path.expanduser("~")
    dirs = [os.environ.get("JUPYTER_DATA_DIR") or os.path.join(home, ".local", "share", "jupyter")]
    dirs += [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    dirs += [os.path.join(sys.prefix, "share", "jupyter"), "/usr/local/share/jupyter", "/usr/share/jupyter"]
    return dirs


def config_directories():
    """Jupyter config directories, highest precedence first."""
    dirs = [os.environ.get("JUPYTER_CONFIG_DIR") or os.path.join(os.path.expanduser("~"), ".jupyter")]
    dirs += [p for p in os.environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    dirs += [os.path.join(sys.prefix, "etc", "jupyter"), "/usr/local/etc/jupyter", "/etc/jupyter"]
    return dirs


def ecs_task_arn():
    """The task ARN from the ECS task metadata endpoint, when running on ECS."""
    uri = os.environ.get("ECS_CONTAINER_METADATA_URI_V4")
    if not uri:
        return None
    try:
        with urllib.request.urlopen(uri + "/task", timeout=2) as r:
            return json.load(r).get("TaskARN")
    except (OSError, ValueError):
        return None


# --- upload to S3 (SigV4 with the task role's container credentials) ------

CONTAINER_CREDENTIALS_HOST = "http://169.254.170.2"


def container_credentials(environ=None):
    """The task role's credentials from the ECS container credentials endpoint."""
    env = os.environ if environ is None else environ
    full = env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI")
    relative = env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
    if full:
        uri = full
    elif relative:
        uri = CONTAINER_CREDENTIALS_HOST + relative
    else:
        raise AgentError("no task role credentials: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set")
    request = urllib.request.Request(uri)
    token = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN")
    token_file = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
    if token_file:
        with open(token_file, encoding="utf-8") as f:
            token = f.read().strip()
    if token:
        request.add_header("Authorization", token)
    with urllib.request.urlopen(request, timeout=5) as r:
        body = json.load(r)
    for field in ("AccessKeyId", "SecretAccessKey"):
        if not body.get(field):
            raise AgentError("the container credentials endpoint returned no %s" % field)
    return body


def _hmac(key, text):
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def sigv4_headers(method, url, region, credentials, body, content_type, now=None):
    """Headers that sign an S3 request with AWS Signature Version 4 (path-style URL)."""
    parsed = urllib.parse.urlsplit(url)
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    day = stamp[:8]
    payload = hashlib.sha256(body).hexdigest()
    headers = {
        "content-type": content_type,
        "host": parsed.netloc,
        "x-amz-content-sha256": payload,
        "x-amz-date": stamp,
    }
    if credentials.get("Token"):
        headers["x-amz-security-token"] = credentials["Token"]
    names = sorted(headers)
    canonical = "\n".join([
        method,
        urllib.parse.quote(parsed.path or "/", safe="/-_.~"),
        parsed.query,
        "".join("%s:%s\n" % (n, headers[n].strip()) for n in names),
        ";".join(names),
        payload,
    ])
    scope = "%s/%s/s3/aws4_request" % (day, region)
    to_sign = "\n".join(["AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode("utf-8")).hexdigest()])
    key = _hmac(("AWS4" + credentials["SecretAccessKey"]).encode("utf-8"), day)
    for part in (region, "s3", "aws4_request"):
        key = _hmac(key, part)
    signature = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    headers["authorization"] = "AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s" % (
        credentials["AccessKeyId"], scope, ";".join(names), signature)
    return headers


def put_object(endpoint, region, bucket, key, body, content_type="application/json", attempts=5, delay=1.0, environ=None):
    """PutObject, signed with fresh container credentials; retried on network errors, 5xx, throttling and expired credentials."""
    url = "%s/%s/%s" % (endpoint.rstrip("/"), bucket, urllib.parse.quote(key, safe="/-_.~"))
    last = None
    for attempt in range(attempts):
        try:
            credentials = container_credentials(environ)
            request = urllib.request.Request(url, data=body, method="PUT",
                                             headers=sigv4_headers("PUT", url, region, credentials, body, content_type))
            with urllib.request.urlopen(request, timeout=30) as r:
                return r.status
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")[:300]
            last = "S3 answered %d: %s" % (e.code, detail)
            retryable = e.code >= 500 or e.code == 429 or "ExpiredToken" in detail or "RequestTimeTooSkewed" in detail
            if not retryable:
                raise AgentError("could not upload s3://%s/%s: %s" % (bucket, key, last))
        except (urllib.error.URLError, OSError, ValueError) as e:
            last = str(e)
        if attempt + 1 < attempts:
            warn("upload attempt %d failed (%s); retrying" % (attempt + 1, last))
            time.sleep(delay * (2 ** attempt))
    raise AgentError("could not upload s3://%s/%s after %d attempts: %s" % (bucket, key, attempts, last))


def observation_key(lab, environment):
    """Where drift reads an environment's newest observation (core/drift/drift-objects.ts)."""
    return "observations/%s/%s/latest.json" % (lab, environment)


def s3_endpoint(region):
    return os.environ.get("LABENV_S3_ENDPOINT") or "https://s3.%s.amazonaws.com" % region


def get_object(endpoint, region, bucket, key, attempts=5, delay=1.0, environ=None, limit=256 * 1024 * 1024):
    """GetObject, signed with fresh container credentials; retried like put_object. At most `limit` bytes."""
    url = "%s/%s/%s" % (endpoint.rstrip("/"), bucket, urllib.parse.quote(key, safe="/-_.~"))
    last = None
    for attempt in range(attempts):
        try:
            credentials = container_credentials(environ)
            request = urllib.request.Request(url, method="GET",
                                             headers=sigv4_headers("GET", url, region, credentials, b"", "application/json"))
            with urllib.request.urlopen(request, timeout=30) as r:
                body = r.read(limit + 1)
            if len(body) > limit:
                raise AgentError("s3://%s/%s is larger than %d bytes" % (bucket, key, limit))
            return body
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")[:300]
            last = "S3 answered %d: %s" % (e.code, detail)
            if not (e.code >= 500 or e.code == 429 or "ExpiredToken" in detail):
                raise AgentError("could not read s3://%s/%s: %s" % (bucket, key, last))
        except (urllib.error.URLError, OSError, ValueError) as e:
            last = str(e)
        if attempt + 1 < attempts:
            warn("read attempt %d failed (%s); retrying" % (attempt + 1, last))
            time.sleep(delay * (2 ** attempt))
    raise AgentError("could not read s3://%s/%s after %d attempts: %s" % (bucket, key, attempts, last))


# --- the home: inventory and restore-move ---------------------------------

DEFAULT_MAX_FILES = 200000
DEFAULT_MAX_BYTES = 1024 ** 4  # 1 TiB
CHUNK = 1024 * 1024


def iso_millis(seconds):
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            chunk = f.read(CHUNK)
            if not chunk:
                return h.hexdigest()
            h.update(chunk)


def _sum_settled(path):
    """(stat, sha256, settled): read twice at most; settled is False when the file changed while it was read both times."""
    for _ in range(2):
        before = os.lstat(path)
        digest = sha256_file(path)
        after = os.lstat(path)
        if (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns):
            return after, digest, True
    return after, digest, False


def walk_files(root):
    """Every file under root (and each symlink to a directory, not followed), sorted: (relative path, absolute path)."""
    for directory, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files) + sorted(d for d in dirs if os.path.islink(os.path.join(directory, d))):
            full = os.path.join(directory, name)
            yield os.path.relpath(full, root).replace(os.sep, "/"), full


def home_inventory(root, max_files=DEFAULT_MAX_FILES, max_bytes=DEFAULT_MAX_BYTES):
    """Every regular file under root: path, size, mtime, sha256. Symlinks and special files are listed as skipped."""
    if not os.path.isdir(root):
        raise AgentError("the home %s is not a directory" % root)
    files, skipped, unsettled, total = [], [], [], 0
    for rel, full in walk_files(root):
        st = os.lstat(full)
        if not _is_regular(st):
            skipped.append({"path": rel, "why": "symlink" if os.path.islink(full) else "not a regular file"})
            continue
        if len(files) + 1 > max_files:
            raise AgentError("the home %s holds more than %d files (--max-files): no inventory written; raise the bound or move data to a dataset" % (root, max_files))
        st, digest, settled = _sum_settled(full)
        total += st.st_size
        if total > max_bytes:
            raise AgentError("the home %s holds more than %d bytes (--max-bytes): no inventory written; raise the bound or move data to a dataset" % (root, max_bytes))
        files.append({"path": rel, "size": st.st_size, "modifiedAt": iso_millis(st.st_mtime), "sha256": digest})
        if not settled:
            unsettled.append(rel)
    return {"fileCount": len(files), "totalBytes": total, "files": files, "skipped": skipped, "unsettled": unsettled}


def _is_regular(st):
    return stat.S_ISREG(st.st_mode)


def parse_expected(body, max_files):
    """The files a restore must give back: a HomeInventory's spec.files (path, size, sha256)."""
    try:
        doc = json.loads(body)
    except ValueError as e:
        raise AgentError("the expected inventory is not JSON: %s" % e)
    files = ((doc or {}).get("spec") or {}).get("files") if isinstance(doc, dict) else None
    if not isinstance(files, list):
        raise AgentError("the expected inventory has no spec.files list")
    if len(files) > max_files:
        raise AgentError("the expected inventory lists %d files, more than --max-files %d" % (len(files), max_files))
    out = []
    for i, f in enumerate(files):
        if not isinstance(f, dict) or not isinstance(f.get("path"), str) or not isinstance(f.get("sha256"), str) or not isinstance(f.get("size"), int):
            raise AgentError("spec.files[%d] of the expected inventory needs a path, size and sha256" % i)
        path = f["path"]
        if path.startswith("/") or any(part in ("", ".", "..") for part in path.split("/")):
            raise AgentError("spec.files[%d].path %r is not a plain relative path" % (i, path))
        out.append(f)
    return out


def _move(src, dst):
    """rename where both are on one mount; otherwise copy, fsync, then remove the source."""
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    try:
        os.link(src, dst)  # never replaces an existing dst (EEXIST), unlike rename
        os.unlink(src)
        return
    except FileExistsError:
        raise
    except OSError:
        pass
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as out, open(src, "rb") as f:
        while True:
            chunk = f.read(CHUNK)
            if not chunk:
                break
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    shutil.copystat(src, dst)
    os.unlink(src)


def _inside(path, directory):
    """True when path, every symbolic link on its way resolved, is directory or below it."""
    real, top = os.path.realpath(path), os.path.realpath(directory)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def restored_file(directory, f, sum_when_size_differs=True):
    """One restored file against its inventory entry f (path, size, sha256): (state, sha256 found).
    state is "missing" when directory holds no regular file at f's path reached without a symbolic
    link (the file itself or a directory on its way: a link could lead out of directory),
    "corrupt" when its size or sha256 differs, "identical" otherwise. The size is compared first;
    a file whose size already differs is summed only when sum_when_size_differs (a report names
    the sum found, a count does not need it)."""
    path = os.path.join(directory, f["path"])
    if not _inside(os.path.dirname(path), directory):
        return "missing", None
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return "missing", None
    if not _is_regular(st):
        return "missing", None
    if st.st_size != f["size"] and not sum_when_size_differs:
        return "corrupt", None
    actual = sha256_file(path)
    if st.st_size != f["size"] or actual != f["sha256"]:
        return "corrupt", actual
    return "identical", actual


def restore_move(source, home, expected, replace=None):
    """Moves each expected file from source into home when its sum matches and home has no file
    there. With replace (the kept-aside directory in home, .labenv-replaced/<time>), a home file
    that differs, or anything else in the way, is first moved there as it is (see _place_replacing)."""
    if not os.path.isdir(source):
        raise AgentError("the restore directory %s is not a directory" % source)
    os.makedirs(home, exist_ok=True)
    aside = _kept_aside(home, replace) if replace else None
    earlier = [{"path": rel, "keptAt": "%s/%s" % (replace, rel), "earlier": True} for rel, _ in walk_files(aside)] if aside else []
    moved, existing, corrupt, missing, skipped, replaced = [], [], [], [], [], []
    wanted = set()
    for f in expected:
        rel = f["path"]
        wanted.add(rel)
        src, dst = os.path.join(source, rel), os.path.join(home, rel)
        state, actual = restored_file(source, f)
        if state == "missing":
            # Moved here already by an earlier, interrupted run of the same restore: in place.
            if restored_file(home, f, sum_when_size_differs=False)[0] == "identical":
                existing.append({"path": rel, "sha256": f["sha256"], "identical": True})
            else:
                missing.append({"path": rel, "expected": f["sha256"]})
            continue
        if state == "corrupt":
            corrupt.append({"path": rel, "expected": f["sha256"], "actual": actual})
            continue
        if replace:
            outcome = _place_replacing(src, home, rel, f, replace, replaced)
            if outcome is not None:
                (existing if "identical" in outcome else skipped).append(outcome)
                continue
        else:
            if not _inside(os.path.dirname(dst), home):
                # A symbolic link in the home on the file's way: following it could write outside the home.
                skipped.append({"path": rel, "sha256": actual, "why": "a directory on its path in the home is a symbolic link"})
                continue
            if os.path.lexists(dst):
                if os.path.samestat(os.lstat(src), os.lstat(dst)):
                    # Linked into the home by a run killed before it unlinked the restored name:
                    # one file under two names, the home's kept.
                    os.unlink(src)
                existing.append({"path": rel, "sha256": actual, "identical": restored_file(home, f, sum_when_size_differs=False)[0] == "identical"})
                continue
            try:
                _move(src, dst)
            except FileExistsError:
                existing.append({"path": rel, "sha256": actual, "identical": restored_file(home, f, sum_when_size_differs=False)[0] == "identical"})
                continue
        landed = sha256_file(dst)
        if landed != f["sha256"]:
            corrupt.append({"path": rel, "expected": f["sha256"], "actual": landed, "where": "home"})
            continue
        moved.append({"path": rel, "size": f["size"], "sha256": landed})
    unexpected = [rel for rel, full in walk_files(source) if rel not in wanted and os.path.isfile(full)]
    report = {
        "moved": moved, "existing": existing, "corrupt": corrupt, "missing": missing,
        "skipped": skipped, "unexpected": unexpected,
        "ok": not corrupt and not missing,
    }
    if replace:
        if not earlier and not replaced:
            # Nothing was in the way: no empty kept-aside directory is left in the home.
            for directory in (aside, os.path.dirname(aside)):
                try:
                    os.rmdir(directory)
                except OSError:
                    break
        report.update({"replace": True, "keptAside": replace, "replaced": earlier + replaced})
    return report


# --- replace: restoring over a home, every replaced thing kept aside -------

KEPT_ASIDE_ROOT = ".labenv-replaced"


def kept_aside_name(seconds):
    """The directory in the home an overwrite keeps replaced versions in: .labenv-replaced/<UTC time>
    (as the sandbox names it), from the restore's own time so a run again of the same restore uses it too."""
    return "%s/%s" % (KEPT_ASIDE_ROOT, datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y%m%dT%H%M%SZ"))


def _kept_aside(home, name):
    """Makes (or, for a run again of the same restore, reuses) the kept-aside directory: real
    directories only, never through a symbolic link (it would keep the home's files elsewhere)."""
    path = home
    for part in name.split("/"):
        path = os.path.join(path, part)
        try:
            os.mkdir(path)
        except FileExistsError:
            pass
        if os.path.islink(path) or not os.path.isdir(path):
            raise AgentError("%s is not a real directory of the home: nothing replaced (move it away and restore again)" % path)
    if not _inside(path, home):
        raise AgentError("%s leaves the home %s: nothing replaced" % (path, home))
    return path


def _kind(st):
    return "symlink" if stat.S_ISLNK(st.st_mode) else "directory" if stat.S_ISDIR(st.st_mode) else "file" if stat.S_ISREG(st.st_mode) else "other"


def _put_aside(home, rel, replace, replaced):
    """Moves home/rel, whatever it is, as it is (a rename: a symbolic link moves as a link, never
    followed), to <kept-aside>/rel. A rename on one file system is atomic: the thing is in one place
    or the other, never lost. Returns False, moving nothing, when that place is taken (an earlier
    version kept there is never overwritten)."""
    kept = os.path.join(home, replace, rel)
    if os.path.lexists(kept):
        return False
    os.makedirs(os.path.dirname(kept), exist_ok=True)
    if not _inside(os.path.dirname(kept), os.path.join(home, replace)):
        return False
    kind = _kind(os.lstat(os.path.join(home, rel)))
    os.rename(os.path.join(home, rel), kept)
    replaced.append({"path": rel, "keptAt": "%s/%s" % (replace, rel), "kind": kind})
    return True


def _place_replacing(src, home, rel, f, replace, replaced):
    """Puts the checked restored file src at home/rel over what is there, losing nothing. The order,
    so that a crash at any point leaves every byte either in place or kept aside:
      1. each thing on the way that is not a real directory (a file, a symbolic link) is renamed
         aside, never followed;
      2. a home file of the same size and sum stays (the restored copy is then removed: the home
         holds its bytes);
      3. anything else at rel (a differing file, a link, a directory) is renamed aside;
      4. the restored file is linked in (a link never replaces a file) and only then unlinked
         from the restore directory.
    Returns None when placed, else the existing or skipped entry of the report."""
    parts = rel.split("/")
    if parts[0] == KEPT_ASIDE_ROOT:
        return {"path": rel, "sha256": f["sha256"], "why": "it is in %s/, where replaced versions are kept" % KEPT_ASIDE_ROOT}
    for i in range(1, len(parts)):
        ancestor = "/".join(parts[:i])
        try:
            st = os.lstat(os.path.join(home, ancestor))
        except FileNotFoundError:
            break
        if stat.S_ISDIR(st.st_mode):
            continue
        if not _put_aside(home, ancestor, replace, replaced):
            return {"path": rel, "sha256": f["sha256"], "why": "%s is in the way and %s/%s already holds a kept version" % (ancestor, replace, ancestor)}
        break
    dst = os.path.join(home, rel)
    if restored_file(home, f, sum_when_size_differs=False)[0] == "identical":
        os.unlink(src)
        return {"path": rel, "sha256": f["sha256"], "identical": True}
    if os.path.lexists(dst) and not _put_aside(home, rel, replace, replaced):
        return {"path": rel, "sha256": f["sha256"], "why": "%s/%s already holds a kept version" % (replace, rel)}
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if not _inside(os.path.dirname(dst), home):
        return {"path": rel, "sha256": f["sha256"], "why": "a directory on its path in the home is a symbolic link"}
    try:
        _move(src, dst)
    except FileExistsError:
        return {"path": rel, "sha256": f["sha256"], "why": "written in the home while the restore ran (kept as it is)"}
    return None


# --- restore-find: which aws-backup-restore_* directory is this restore's --

RESTORE_PREFIX = "aws-backup-restore_"
# A restore directory is made by AWS Backup's clock, the job's creation time by its API's.
RESTORE_CLOCK_SKEW_SECONDS = 300
MAX_RESTORE_DIRECTORIES = 1000


def parse_time(text, flag="--after"):
    """An ISO 8601 UTC time (2026-12-07T04:00:00Z, with or without milliseconds) as seconds."""
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        raise AgentError("%s %r is not an ISO 8601 time (2026-12-07T04:00:00Z)" % (flag, text))


def restore_directory_time(root, name):
    """When a restore directory was made: the date and time in its name when it has one
    (YYYYMMDD then HHMMSS, whatever separates them), else the directory's own mtime."""
    digits = re.sub(r"[^0-9]", "", name[len(RESTORE_PREFIX):])
    if len(digits) >= 14:
        try:
            return datetime.strptime(digits[:14], "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc).timestamp()
        except ValueError:
            pass
    return os.lstat(os.path.join(root, name)).st_mtime


def _matching(directory, expected):
    """How many expected files are in directory with their size and sha256 (size first: cheap)."""
    return sum(1 for f in expected if restored_file(directory, f, sum_when_size_differs=False)[0] == "identical")


def plain_relative(path, what):
    rel = path.strip("/")
    if not rel or any(part in ("", ".", "..") for part in rel.split("/")):
        raise AgentError("%s %r is not a plain path below the file system root" % (what, path))
    return rel


def restore_find(root, path, after, expected, before=None):
    """The restore directory under root that is this restore's: an aws-backup-restore_* directory
    holding path, made no earlier than after (and, given the job's completion, no later than
    before); of several, the newest holding every expected file.
    Refuses (AgentError, nothing moved) when none qualifies."""
    if not os.path.isdir(root):
        raise AgentError("the file system root %s is not a directory" % root)
    rel = plain_relative(path, "--path")
    names = sorted(n for n in os.listdir(root) if n.startswith(RESTORE_PREFIX))
    if len(names) > MAX_RESTORE_DIRECTORIES:
        raise AgentError("%s holds %d %s* directories, more than %d: remove old ones after checking them" % (root, len(names), RESTORE_PREFIX, MAX_RESTORE_DIRECTORIES))
    found, older = [], []
    for name in names:
        top = os.path.join(root, name)
        if os.path.islink(top) or not os.path.isdir(top):
            continue
        home = os.path.join(top, rel)
        if os.path.islink(home) or not os.path.isdir(home) or not _inside(home, top):
            continue
        made = restore_directory_time(root, name)
        entry = {"directory": "/" + name, "madeAt": iso_millis(made), "_made": made, "_home": home, "_top": top}
        if before is not None and made > before + RESTORE_CLOCK_SKEW_SECONDS:
            continue  # made after this job completed: another restore's
        (found if made >= after - RESTORE_CLOCK_SKEW_SECONDS else older).append(entry)
    if not found:
        why = " (older ones: %s)" % ", ".join(e["directory"] for e in older) if older else ""
        raise AgentError("no %s* directory under %s holds %s and was made at or after %s%s: nothing moved" % (RESTORE_PREFIX, root, rel, iso_millis(after), why))
    for e in found:
        e["matching"] = _matching(e["_home"], expected)
    if len(found) == 1:
        chosen = found[0]
    else:
        whole = [e for e in found if e["matching"] == len(expected)]
        if not whole:
            listed = ", ".join("%s (%d/%d files)" % (e["directory"], e["matching"], len(expected)) for e in found)
            raise AgentError("%d restore directories hold %s and none holds every file of the expected inventory: %s; nothing moved" % (len(found), rel, listed))
        chosen = max(whole, key=lambda e: (e["_made"], e["directory"]))
    candidates = [{k: v for k, v in e.items() if not k.startswith("_")} for e in found + older]
    return chosen, candidates


def remove_emptied(top):
    """Removes the restore directory when no file is left in it (directories only, bottom up:
    os.rmdir never removes anything that holds a file). Returns how many files are left."""
    left = sum(1 for _ in walk_files(top))
    if left:
        return left
    for directory, _dirs, _files in os.walk(top, topdown=False):
        try:
            os.rmdir(directory)
        except OSError as e:
            warn("%s not removed: %s" % (directory, e))
    return 0


def restore_check(source, expected):
    """Sums every file of the restored home against the expected inventory and changes nothing:
    identical, differing (both sums), missing, and extra (restored, not in the inventory)."""
    identical, corrupt, missing = [], [], []
    wanted = set()
    for f in expected:
        rel = f["path"]
        wanted.add(rel)
        state, actual = restored_file(source, f)
        if state == "missing":
            missing.append({"path": rel, "expected": f["sha256"]})
        elif state == "corrupt":
            corrupt.append({"path": rel, "expected": f["sha256"], "actual": actual})
        else:
            identical.append({"path": rel, "size": f["size"], "sha256": actual})
    unexpected = [rel for rel, full in walk_files(source) if rel not in wanted]
    return {
        "identical": identical, "corrupt": corrupt, "missing": missing, "unexpected": unexpected,
        "ok": not corrupt and not missing and not unexpected,
    }


def remove_checked(root, top):
    """Removes the restore directory a check read, whatever it holds: only a real directory
    directly below root named aws-backup-restore_*, never following a symbolic link (rmtree's
    descriptor-based walk removes a link, never what it points to)."""
    name = os.path.basename(top)
    below_root = os.path.realpath(os.path.dirname(top)) == os.path.realpath(root)
    if not name.startswith(RESTORE_PREFIX) or not below_root or os.path.islink(top) or not os.path.isdir(top):
        raise AgentError("%s is not a restore directory directly below %s: not removed" % (top, root))
    if not getattr(shutil.rmtree, "avoids_symlink_attacks", False):
        raise AgentError("this platform's rmtree may follow symbolic links: %s not removed" % top)
    shutil.rmtree(top)


def home_document(kind, args, spec):
    metadata = {
        "lab": args.lab,
        "environment": args.environment,
        "at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
    }
    if args.snapshot:
        metadata["snapshot"] = args.snapshot
    task = args.task or ecs_task_arn()
    if task:
        metadata["task"] = task
    metadata["host"] = args.host or socket.gethostname()
    return {"apiVersion": API_VERSION, "kind": kind, "metadata": metadata, "spec": spec}


def _replace(args):
    """With --replace: the kept-aside directory's name in the home, from the restore's own time."""
    return kept_aside_name(parse_time(args.after)) if args.replace else None


def run_home_mode(args):
    """--home-inventory, --restore-move, --restore-find or --restore-check: one document, to the output and (with --s3-bucket) to --s3-key."""
    if args.home_inventory:
        spec = home_inventory(args.home_inventory, args.max_files, args.max_bytes)
        spec["root"] = args.home_inventory
        document = home_document("HomeInventory", args, spec)
    else:
        if args.expected_file:
            with open(args.expected_file, "rb") as f:
                body = f.read()
        else:
            body = get_object(s3_endpoint(args.region), args.region, args.s3_bucket, args.expected_s3_key, delay=args.retry_seconds)
        expected = parse_expected(body, args.max_files)
        if args.restore_check:
            before = parse_time(args.before, "--before") if args.before else None
            chosen, candidates = restore_find(args.restore_check, args.path, parse_time(args.after), expected, before)
            spec = restore_check(chosen["_home"], expected)
            spec["check"] = True
            spec["from"] = chosen["_home"]
            spec["restoreDirectory"] = chosen["directory"]
            spec["candidates"] = candidates
            remove_checked(args.restore_check, chosen["_top"])
            spec["removed"] = not os.path.lexists(chosen["_top"])
        elif args.restore_find:
            chosen, candidates = restore_find(args.restore_find, args.path, parse_time(args.after), expected)
            spec = restore_move(chosen["_home"], args.into, expected, _replace(args))
            spec["from"], spec["into"] = chosen["_home"], args.into
            spec["restoreDirectory"] = chosen["directory"]
            spec["candidates"] = candidates
            spec["left"] = sum(1 for _ in walk_files(chosen["_top"]))
            spec["removed"] = False
            if spec["ok"] and not spec["left"]:
                # The report first, then the cleanup: a task killed while it removes the emptied
                # restore directory (every file already placed) has said where each file landed.
                publish(home_document("HomeRestoreReport", args, spec), args)
                spec["left"] = remove_emptied(chosen["_top"])
                spec["removed"] = not os.path.lexists(chosen["_top"])
        else:
            spec = restore_move(args.restore_move, args.into, expected, _replace(args))
            spec["from"], spec["into"] = args.restore_move, args.into
        document = home_document("HomeRestoreReport", args, spec)
    publish(document, args)
    return 0


def publish(document, args):
    """A home mode's document to the output and (with --s3-bucket) to --s3-key."""
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    write_output(text, args.output)
    if args.s3_bucket:
        put_object(s3_endpoint(args.region), args.region, args.s3_bucket, args.s3_key, text.encode("utf-8"), delay=args.retry_seconds)


# --- output ---------------------------------------------------------------

def to_yaml(value, indent=0):
    """Block YAML for the document's plain shapes; every string double-quoted (JSON escapes are valid YAML)."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = []
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append("%s%s:\n%s" % (pad, k, to_yaml(v, indent + 1)))
            else:
                lines.append("%s%s: %s" % (pad, k, to_yaml(v, 0)))
        return "\n".join(lines)
    if isinstance(value, list):
        if not value:
            return "[]"
        lines = []
        for v in value:
            text = to_yaml(v, indent + 1)
            lines.append("%s- %s" % (pad, text.lstrip(" ") if isinstance(v, dict) else text))
        return "\n".join(lines)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return json.dumps(str(value), ensure_ascii=False)


def render(document, fmt):
    if fmt == "yaml":
        return "# labenv Observation (schemas/observation.schema.json)\n" + to_yaml(document) + "\n"
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_output(text, path):
    if path in (None, "-"):
        sys.stdout.write(text)
        return
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".observation-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


# --- main -----------------------------------------------------------------

def observe(args):
    python_version = None
    if args.site_packages:
        packages = packages_from_site_packages(args.site_packages)
    else:
        if args.pip_inspect_file:
            with open(args.pip_inspect_file, encoding="utf-8") as f:
                report = json.load(f)
        else:
            report = run_pip_inspect(args.python)
        packages = packages_from_pip_inspect(report)
        python_version = python_from_pip_inspect(report)
    if args.kernelspec_file:
        with open(args.kernelspec_file, encoding="utf-8") as f:
            kernels = kernels_from_list(json.load(f))
    elif args.kernel_dir:
        kernels = kernels_from_directories(args.kernel_dir)
    else:
        listing = run_kernelspec_list()
        kernels = kernels_from_list(listing) if listing is not None else kernels_from_directories([os.path.join(d, "kernels") for d in data_directories()])
    extension_dirs = args.labextensions_dir or [os.path.join(d, "labextensions") for d in data_directories()]
    config_dirs = args.config_dir or config_directories()
    if python_version is None and args.python == sys.executable and not args.site_packages:
        python_version = "%d.%d.%d" % sys.version_info[:3]
    metadata = {
        "lab": args.lab,
        "environment": args.environment,
        "observedAt": args.observed_at or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": "agent",
    }
    task = args.task or ecs_task_arn()
    if task:
        metadata["task"] = task
    metadata["host"] = args.host or socket.gethostname()
    spec = {}
    if args.python_version or python_version:
        spec["python"] = args.python_version or python_version
    spec["packages"] = [packages[k] for k in sorted(packages)]
    spec["kernels"] = [kernels[k] for k in sorted(kernels)]
    spec["extensions"] = [e for _, e in sorted(extensions_from_directories(extension_dirs).items())]
    spec["jupyterConfig"] = config_hashes(config_dirs)
    r_dirs = [d for d in (args.r_library or r_library_directories()) if os.path.isdir(d)]
    if r_dirs:
        r_packages = r_packages_from_libraries(r_dirs)
        spec["rPackages"] = [r_packages[k] for k in sorted(r_packages)]
    julia_project = args.julia_project or os.environ.get("JULIA_PROJECT")
    if julia_project and os.path.isdir(julia_project):
        spec["juliaPackages"] = julia_packages_from_project(julia_project, julia_depots())
    return {"apiVersion": API_VERSION, "kind": "Observation", "metadata": metadata, "spec": spec}


def _minutes(value):
    try:
        return float(value) if value else None
    except ValueError:
        return None


def parse_args(argv):
    p = argparse.ArgumentParser(prog="observe.py", description="Write a labenv Observation of this Jupyter container.")
    p.add_argument("--lab", default=os.environ.get("LABENV_LAB"), help="lab id (default: $LABENV_LAB)")
    p.add_argument("--environment", default=os.environ.get("LABENV_ENVIRONMENT"), help="environment name (default: $LABENV_ENVIRONMENT)")
    p.add_argument("--output", "-o", default="-", help="file to write (default: stdout)")
    p.add_argument("--format", choices=["json", "yaml"], default="json")
    p.add_argument("--python", default=sys.executable, help="the interpreter whose packages are observed (default: this one)")
    p.add_argument("--python-version", help="record this Python version instead of the one pip reports")
    p.add_argument("--pip-inspect-file", help="read `pip inspect` output from this file instead of running pip")
    p.add_argument("--site-packages", action="append", help="scan these site-packages directories instead of running pip (repeatable)")
    p.add_argument("--kernelspec-file", help="read `jupyter kernelspec list --json` output from this file")
    p.add_argument("--kernel-dir", action="append", help="scan these kernel directories instead of running jupyter, highest precedence first (repeatable)")
    p.add_argument("--labextensions-dir", action="append", help="labextensions directories, highest precedence first (repeatable)")
    p.add_argument("--config-dir", action="append", help="Jupyter config directories, highest precedence first (repeatable)")
    p.add_argument("--julia-project", help="the image's Julia project directory (default: $JULIA_PROJECT); its Manifest.toml is read, with $JULIA_DEPOT_PATH's depots")
    p.add_argument("--r-library", action="append", help="R library directories, in .libPaths() order (default: $R_LIBS, $R_LIBS_USER, $R_LIBS_SITE and R's usual places)")
    p.add_argument("--task", help="task ARN (default: from the ECS metadata endpoint)")
    p.add_argument("--host", help="host name to record (default: this host's)")
    p.add_argument("--observed-at", help="timestamp to record (default: now, UTC)")
    p.add_argument("--every", type=float, metavar="MINUTES", default=_minutes(os.environ.get("LABENV_AGENT_INTERVAL_MINUTES")), help="observe again every MINUTES until stopped (default: $LABENV_AGENT_INTERVAL_MINUTES)")
    p.add_argument("--s3-bucket", default=os.environ.get("LABENV_OBSERVATION_BUCKET"), help="also upload the observation (JSON) to this bucket, signed with the task role (default: $LABENV_OBSERVATION_BUCKET)")
    p.add_argument("--s3-key", help="object key (default: observations/<lab>/<environment>/latest.json)")
    p.add_argument("--region", default=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION"), help="the bucket's region (default: $AWS_REGION)")
    p.add_argument("--retry-seconds", type=float, default=1.0, help="first wait between upload attempts (doubles each time)")
    p.add_argument("--home-inventory", metavar="DIR", help="instead of an observation: a HomeInventory of every file under DIR (path, size, mtime, sha256)")
    p.add_argument("--restore-move", metavar="FROM", help="instead of an observation: move restored files from FROM into --into, never over a file, each checked against the expected inventory")
    p.add_argument("--restore-find", metavar="ROOT", help="instead of an observation: find this restore's aws-backup-restore_* directory under ROOT (the file system root), move its --path into --into as --restore-move does, and remove it when emptied (the report is written before that removal and again after it)")
    p.add_argument("--restore-check", metavar="ROOT", help="instead of an observation: find this restore's aws-backup-restore_* directory under ROOT as --restore-find does, sum its --path against the expected inventory (identical, differing, missing, extra), report it, then remove that restore directory; never writes to a home (a restore drill)")
    p.add_argument("--path", help="with --restore-find or --restore-check: the restored item's path from the file system root (/labs/<lab>/environments/<env>)")
    p.add_argument("--after", help="with --restore-find or --restore-check: the restore job's creation time (ISO 8601); older restore directories are not this restore's")
    p.add_argument("--before", help="with --restore-check: the restore job's completion time (ISO 8601); restore directories made later are another restore's")
    p.add_argument("--into", metavar="HOME", help="with --restore-move or --restore-find: the directory to move the files into")
    p.add_argument("--replace", action="store_true", help="with --restore-move or --restore-find: restore over the home (restoreFrom.overwrite): a home file that differs, or anything else in the way, is first moved as it is (never followed) into .labenv-replaced/<--after time>/ in the home, then the restored file takes its place; the report lists each replaced one")
    p.add_argument("--expected-s3-key", help="with --restore-move: the HomeInventory the files must match, in --s3-bucket")
    p.add_argument("--expected-file", help="with --restore-move: the HomeInventory the files must match, from a file")
    p.add_argument("--snapshot", help="the snapshot name the inventory or restore is for (recorded)")
    p.add_argument("--max-files", type=int, default=DEFAULT_MAX_FILES, help="refuse a home of more files (default %d)" % DEFAULT_MAX_FILES)
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse a home of more bytes (default %d)" % DEFAULT_MAX_BYTES)
    args = p.parse_args(argv)
    for flag in ("lab", "environment"):
        value = getattr(args, flag)
        if not value or not NAME.match(value):
            p.error("--%s (or $LABENV_%s) must be a labenv name, got %r" % (flag, flag.upper(), value))
    if args.s3_bucket and not args.region:
        p.error("--s3-bucket needs --region (or $AWS_REGION)")
    modes = [m for m in ("home_inventory", "restore_move", "restore_find", "restore_check") if getattr(args, m)]
    if len(modes) > 1:
        p.error("--home-inventory, --restore-move, --restore-find and --restore-check are four modes: give one")
    if modes and args.s3_bucket and not args.s3_key:
        p.error("--s3-bucket with --home-inventory, --restore-move, --restore-find or --restore-check needs --s3-key")
    if modes and args.s3_key and not args.s3_bucket:
        p.error("--s3-key needs --s3-bucket (or $LABENV_OBSERVATION_BUCKET) to upload to")
    moving = "--restore-move" if args.restore_move else "--restore-find" if args.restore_find else None
    if moving and not args.into:
        p.error("%s needs --into (the home)" % moving)
    if moving and not (args.expected_file or (args.expected_s3_key and args.s3_bucket)):
        p.error("%s needs --expected-file, or --expected-s3-key with --s3-bucket" % moving)
    if args.before and not args.restore_check:
        p.error("--before goes with --restore-check")
    if args.replace and not moving:
        p.error("--replace goes with --restore-move or --restore-find")
    if args.replace and not args.after:
        p.error("--replace needs --after (the restore job's creation time names .labenv-replaced/<time>/)")
    if args.restore_find and not (args.path and args.after):
        p.error("--restore-find needs --path (the restored item) and --after (the restore job's creation time)")
    if args.restore_check:
        if not (args.path and args.after):
            p.error("--restore-check needs --path (the restored item) and --after (the restore job's creation time)")
        if args.into:
            p.error("--restore-check never writes to a home: drop --into")
        if not (args.expected_file or (args.expected_s3_key and args.s3_bucket)):
            p.error("--restore-check needs --expected-file, or --expected-s3-key with --s3-bucket")
    if args.snapshot and not NAME.match(args.snapshot):
        p.error("--snapshot must be a labenv name, got %r" % args.snapshot)
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.home_inventory or args.restore_move or args.restore_find or args.restore_check:
        try:
            return run_home_mode(args)
        except (AgentError, OSError, ValueError) as e:
            warn(str(e))
            return 2
    while True:
        try:
            document = observe(args)
            write_output(render(document, args.format), args.output)
            if args.s3_bucket:
                key = args.s3_key or observation_key(args.lab, args.environment)
                put_object(s3_endpoint(args.region), args.region, args.s3_bucket, key,
                           render(document, "json").encode("utf-8"), delay=args.retry_seconds)
        except (AgentError, OSError, ValueError) as e:
            warn(str(e))
            if args.every is None:
                return 2
        if args.every is None:
            return 0
        time.sleep(max(args.every, 0.1) * 60)


if __name__ == "__main__":
    sys.exit(main())
