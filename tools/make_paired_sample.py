#!/usr/bin/env python3
"""Writes resources/sample/paired_10x3.jsonl: 10 registrations, each run once on each of
3 models, the shape of a paired benchmark. Deterministic (fixed seed); one registration
(SPUS52618, 20 items) is slow on every model.

Usage: tools/make_paired_sample.py > resources/sample/paired_10x3.jsonl
"""
import json, random
random.seed(1303)
models = [("openai_gpt4o", 1.0, "p1m1m2c"), ("anthropic_claude_sonnet4", 1.45, "p1m1m2c"), ("openai_gpt5", 3.1, "p1m1m2c")]
regs = ["SPUS10214","SPUS11873","SPUS23390","SPUS30457","SPUS41192","SPUS52618","SPUS63654","SPUS74021","SPUS85539","SPUS96780"]
# per-registration difficulty: SPUS52618 has many items and is slow on every model
difficulty = {r: random.uniform(0.75, 1.3) for r in regs}
difficulty["SPUS52618"] = 2.6
items = {r: (20 if r == "SPUS52618" else random.choice([5, 5, 10])) for r in regs}
minute = 0
out = []
for m, speed, constellation in models:
    for r in regs:
        d = difficulty[r] * speed
        noise = lambda: random.uniform(0.85, 1.2)
        m1 = round(9.5 * d * noise(), 3)
        critic = round(3.2 * d * noise(), 3)
        m2 = round(5.4 * d * noise(), 3)
        p1_setup = round(random.uniform(0.05, 0.2), 3)
        p1_write = round(random.uniform(0.25, 0.6), 3)
        p1_cap = round(random.uniform(0.4, 1.2), 3)
        p2_setup = round(random.uniform(0.03, 0.2), 3)
        p2_write = round(random.uniform(0.3, 0.9), 3)
        p1 = round(p1_setup + m1 + critic + p1_write + p1_cap + 0.05, 3)
        p2 = round(p2_setup + m2 + p2_write + 0.04, 3)
        total = round(p1 + p2 + round(random.uniform(0.1, 0.4), 3), 3)
        h, mi = divmod(minute, 60)
        rec = {"run_metadata": {"registration_id": r, "timestamp": "2025-03-04T%02d:%02d:00Z" % (10 + h, mi),
                                "model": m, "constellation": constellation, "git_commit": "4f1c9e2", "max_items": items[r]},
               "timings": {"total_seconds": total, "phases": {
                   "phase1": {"total_seconds": p1, "breakdown": {"setup_seconds": p1_setup,
                              "agent_conversation_seconds": round(m1 + critic, 3), "file_write_seconds": p1_write,
                              "capacity_update_seconds": p1_cap}, "agents": ["matcher1", "critic"]},
                   "phase2": {"total_seconds": p2, "breakdown": {"setup_seconds": p2_setup,
                              "agent_conversation_seconds": m2, "file_write_seconds": p2_write}, "agents": ["matcher2"]}}}}
        out.append(rec)
        minute += max(1, int(total // 60) + 1)
for rec in out:
    print(json.dumps(rec, separators=(",", ":")))
