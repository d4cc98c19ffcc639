#!/usr/bin/env python3
"""Writes tests/data/gate_history.jsonl, the fixture of `check` (the CI gate): 4 commits
x 2 models (model_a, model_b), 40 runs per commit per model, timestamps increasing
one minute a run in commit order. The totals are lognormal (sigma 0.25) around 20 s
(model_a) and 30 s (model_b); from commit 3 on, model_a's phase1 grows so that its
total is 60 % higher. model_b is noise only. Deterministic (fixed seed), the record
shape of tests/data/trend_two_days.jsonl.

Usage: /usr/bin/python3 tools/make_gate_sample.py > tests/data/gate_history.jsonl
"""
import datetime
import json
import numpy as np

rng = np.random.default_rng(4242)
commits = ["a1c0001", "b2c0002", "c3c0003", "d4c0004"]
models = [("model_a", 20.0), ("model_b", 30.0)]
start = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.timezone.utc)
minute = 0
for index, commit in enumerate(commits, start=1):
    for run in range(40):
        for model, base in models:
            total = base * float(np.exp(rng.normal(0.0, 0.25)))
            phase1, phase2 = 0.65 * total, 0.35 * total
            if model == "model_a" and index >= 3:
                phase1 += 0.6 * total  # the step: +60 % of the total, all in phase1
            stamp = start + datetime.timedelta(minutes=minute)
            minute += 1
            record = {
                "run_metadata": {
                    "registration_id": "REG%03d" % (run + 1),
                    "timestamp": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "model": model,
                    "constellation": "p1m1m2c",
                    "git_commit": commit,
                },
                "timings": {
                    "total_seconds": round(phase1 + phase2, 3),
                    "phases": {
                        "phase1": {
                            "total_seconds": round(phase1, 3),
                            "breakdown": {
                                "agent_conversation_seconds": round(0.95 * phase1, 3),
                                "file_write_seconds": round(0.03 * phase1, 3),
                            },
                            "agents": ["matcher1", "critic"],
                        },
                        "phase2": {
                            "total_seconds": round(phase2, 3),
                            "breakdown": {
                                "agent_conversation_seconds": round(0.9 * phase2, 3),
                                "file_write_seconds": round(0.08 * phase2, 3),
                            },
                            "agents": ["matcher2"],
                        },
                    },
                },
            }
            print(json.dumps(record))
