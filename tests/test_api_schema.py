"""schemathesis (its own command, ``st run``) against the service's OpenAPI document, on a real server over a
seeded store: every operation, with examples, coverage (edge and negative values), fuzzing and stateful
phases; every answer checked against the schema (status codes, content types, bodies, problem answers) and
for server errors. Bounded for the default run; ``benchmarks/bench_api.py --schema N`` runs a longer one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.api_server import Server, serving
from tests.conftest import SEEDS, needs_shared
from tests.test_api import make_token

pytestmark = needs_shared()
HERE = Path(__file__).resolve().parent


def schemathesis_run(server: Server, token: str, examples: int, seed: int, report: Path,
                     timeout: float = 600) -> subprocess.CompletedProcess[str]:
    st = Path(sys.executable).with_name("st")
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.schemathesis_hooks", "PYTHONPATH": str(HERE.parent)}
    return subprocess.run(
        [str(st), "--config-file", str(HERE / "schemathesis.toml"), "run", f"{server.url}/openapi.json",
         "-H", f"Authorization: Bearer {token}", "--max-examples", str(examples), "--seed", str(seed),
         "--generation-deterministic", "--workers", "1", "--request-timeout", "120", "--no-color",
         "--report", "junit", "--report-junit-path", str(report)],
        capture_output=True, text=True, env=env, timeout=timeout, cwd=report.parent,
    )


def test_api_conforms_to_its_schema(tmp_path: Path) -> None:
    token = make_token(tmp_path / "tokens")
    with serving(tmp_path / "store.db", "--token-file", str(tmp_path / "tokens"), "--rate", "0") as server:
        with server.client() as client:
            for seed in sorted(SEEDS.glob("*.txt"))[:2]:
                reply = client.post("/v1/articles", content=seed.read_bytes(), params={"source": seed.name},
                                    headers={"Authorization": f"Bearer {token}", "Content-Type": "text/plain"})
                assert reply.status_code == 200
        run = schemathesis_run(server, token, examples=int(os.environ.get("SYUZHET_SCHEMA_EXAMPLES", "5")), seed=1,
                               report=tmp_path / "junit.xml")
    summary = run.stdout[run.stdout.find("SUMMARY"):]
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "Tested: 11" in summary and "failures" not in summary.splitlines()[-1], summary
