#!/usr/bin/env python3
"""Writes tests/data/history_12x2.jsonl: 12 commits (c01..c12) x 2 models, 40 runs
per commit per model, lognormal noise (sigma 0.25) around 30 s; model_a is 60 %
slower from commit c07 on, model_b is only noise. Timestamps increase (a run every
minute), records have the shape of tests/data/trend_two_days.jsonl. Deterministic.

Usage: tools/make_history_sample.py > tests/data/history_12x2.jsonl
"""
import datetime, json, math, random

random.seed(1207)
start = datetime.datetime(2025, 5, 1, 8, 0, 0, tzinfo=datetime.timezone.utc)
minute = 0
for c in range(1, 13):
    commit = "c%02d" % c
    for r in range(40):
        for model in ("model_a", "model_b"):
            factor = 1.6 if model == "model_a" and c >= 7 else 1.0
            total = 30.0 * factor * math.exp(random.gauss(0, 0.25))
            p1 = round(total * 0.68, 3)
            p2 = round(total - p1, 3)
            record = {
                "run_metadata": {
                    "registration_id": "SPUS%05d" % (minute + 10000),
                    "timestamp": (start + datetime.timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "model": model,
                    "constellation": "p1m1m2c",
                    "git_commit": commit,
                },
                "timings": {
                    "total_seconds": round(p1 + p2, 3),
                    "phases": {
                        "phase1": {"total_seconds": p1, "agents": ["matcher1", "critic"]},
                        "phase2": {"total_seconds": p2, "agents": ["matcher2"]},
                    },
                },
            }
            print(json.dumps(record))
            minute += 1
