"""The deployment's files: Kubernetes manifests valid, nginx's config starts unprivileged from a
temp folder with cookie affinity, and the image's install script is the one the tests run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import yaml

from ruraldash import paths
from ruraldash.serving.proxy import AFFINITY_COOKIE, nginx_binary, start_proxy, stop_proxy
from ruraldash.store.release import read_manifest

DEPLOY = paths.REPO_ROOT / "deploy"
KUBERNETES_VERSION = "1.30.0"


def manifests() -> list[dict]:
    """Every Kubernetes document under deploy/k8s/."""
    return [
        document
        for path in sorted((DEPLOY / "k8s").glob("*.yaml"))
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8"))
        if document
    ]


def test_the_kubernetes_manifests_are_valid() -> None:
    import kubernetes_validate

    kinds = set()
    for document in manifests():
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)
        kinds.add(document["kind"])
    assert kinds == {"ConfigMap", "Deployment", "Service", "Ingress"}


def test_a_broken_manifest_is_caught() -> None:
    import kubernetes_validate

    deployment = next(d for d in manifests() if d["kind"] == "Deployment")
    deployment["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSION, strict=True)


def test_the_deployment_probes_readiness_on_ready_and_keeps_affinity() -> None:
    by_kind = {document["kind"]: document for document in manifests()}
    container = by_kind["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert {"requests", "limits"} <= set(container["resources"])
    assert by_kind["Deployment"]["spec"]["replicas"] >= 2
    annotations = by_kind["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-name"] == AFFINITY_COOKIE


def test_the_dockerfile_builds_with_the_install_script_and_runs_as_a_user() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert dockerfile.startswith("#") and "FROM python:3.11-slim-bookworm" in dockerfile
    runs = [line for line in dockerfile.splitlines() if line.startswith("RUN ")]
    assert runs == ["RUN deploy/install.sh \\"], "install.sh is the image's only build step"
    assert "\nUSER ruraldash\n" in dockerfile and "HEALTHCHECK" in dockerfile


@pytest.mark.skipif(shutil.which("nginx", path="/usr/sbin:/usr/bin") is None, reason="no nginx")
def test_nginx_starts_unprivileged_from_a_temp_folder_and_sets_the_affinity_cookie(
    tmp_path: Path,
) -> None:
    """nginx as the test's user, everything (pid, logs, temp) in tmp_path, over a stand-in."""
    assert nginx_binary()
    upstream = subprocess.Popen(
        [sys.executable, "-m", "http.server", "8790", "--bind", "127.0.0.1", "-d", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    (tmp_path / "_stcore").mkdir()
    (tmp_path / "_stcore" / "health").write_text("ok")
    prefix = tmp_path / "nginx"
    try:
        proxy = start_proxy(prefix, 8791, ["127.0.0.1:8790"])
        try:
            with urllib.request.urlopen("http://127.0.0.1:8791/_stcore/health") as response:
                cookie = response.headers["Set-Cookie"]
            request = urllib.request.Request("http://127.0.0.1:8791/")
            request.add_header("Cookie", cookie.split(";")[0])
            with urllib.request.urlopen(request) as response:
                again = response.headers["Set-Cookie"]
        finally:
            stop_proxy(proxy)
    finally:
        upstream.terminate()
        upstream.wait()
    assert cookie.startswith(f"{AFFINITY_COOKIE}=") and "HttpOnly" in cookie
    assert again is None, "a browser that has the cookie keeps it"
    assert (prefix / "nginx.pid").exists() is False, "nginx removed its pid file on stopping"
    assert {path.name for path in (prefix / "temp").iterdir()} >= {"body", "proxy"}
    assert (prefix / "logs" / "access.log").read_text().count("GET / ") == 1


@pytest.mark.slow
def test_the_image_install_script_runs_here_and_writes_a_release(tmp_path: Path) -> None:
    """The Dockerfile's one step, run here: packages found installed, then a release written."""
    release = tmp_path / "release" / "ruraldash.duckdb"
    env = {**os.environ, "PYTHON": sys.executable, "RURALDASH_RELEASE": str(release)}
    result = subprocess.run(
        ["bash", str(DEPLOY / "install.sh")], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert read_manifest(release).counts["figures"] > 0
