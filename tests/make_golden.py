"""Regenerate the golden replay after an intended change of the model or rules:
``python -m tests.make_golden`` (then review the diff of tests/golden/ before committing)."""
import json

from game.cli.modelcmds import simulate, simulate_json
from tests.helpers import ROOT, dprk

GOLDEN = ROOT / "tests" / "golden" / "dprk_2014_seed2014_greedy.json"

if __name__ == "__main__":
    data = simulate_json(simulate(dprk(), 2014, "greedy"))
    GOLDEN.write_text(json.dumps(data, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")
