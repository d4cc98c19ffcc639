#!/usr/bin/env python3
"""Pandas reference for the per-model timing aggregate.

Usage: agg_pandas.py FILE

Loads a JSON Lines timing file the way an analyst typically would (read_json,
then json_normalize to flatten nested keys) and prints
model,count,mean_total_s,median_total_s,mean_phase1_s as CSV sorted by model.
"""
import sys

import pandas as pd


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: agg_pandas.py FILE", file=sys.stderr)
        return 2
    raw = pd.read_json(sys.argv[1], lines=True)
    # read_json leaves nested objects as dicts; normalizing flattens them to dotted columns.
    flat = pd.json_normalize(raw.to_dict(orient="records"))
    grouped = flat.groupby("run_metadata.model")
    result = pd.DataFrame(
        {
            "count": grouped.size(),
            "mean_total_s": grouped["timings.total_seconds"].mean(),
            "median_total_s": grouped["timings.total_seconds"].median(),
            "mean_phase1_s": grouped["timings.phases.phase1.total_seconds"].mean(),
        }
    ).sort_index()
    result.index.name = "model"
    sys.stdout.write(result.to_csv(float_format="%.6f", lineterminator="\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
