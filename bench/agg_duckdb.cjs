#!/usr/bin/env node
// DuckDB reference for the per-model timing aggregate.
//
// Usage: node agg_duckdb.cjs FILE [THREADS]
//
// @duckdb/node-api is resolved from $DUCKDB_NODE_DIR (default: the current
// directory) so the benchmark can keep it in a cache outside the source tree.
// Prints model,count,mean_total_s,median_total_s,mean_phase1_s as CSV.
'use strict';

const path = require('path');

async function main() {
  const [file, threads] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node agg_duckdb.cjs FILE [THREADS]');
    return 2;
  }
  const moduleDir = path.resolve(process.env.DUCKDB_NODE_DIR || process.cwd());
  const { DuckDBInstance } = require(require.resolve('@duckdb/node-api', { paths: [moduleDir] }));

  const options = threads ? { threads: String(threads) } : {};
  const instance = await DuckDBInstance.create(':memory:', options);
  const connection = await instance.connect();
  const quotedFile = `'${file.replace(/'/g, "''")}'`;
  const reader = await connection.runAndReadAll(`
    SELECT run_metadata.model AS model,
           count(*) AS n,
           avg(timings.total_seconds) AS mean_total_s,
           median(timings.total_seconds) AS median_total_s,
           avg(timings.phases.phase1.total_seconds) AS mean_phase1_s
    FROM read_ndjson_auto(${quotedFile})
    GROUP BY ALL
    ORDER BY model`);

  const lines = ['model,count,mean_total_s,median_total_s,mean_phase1_s'];
  for (const [model, n, meanTotal, medianTotal, meanPhase1] of reader.getRows()) {
    const fixed = (value) => Number(value).toFixed(6);
    lines.push([model, String(n), fixed(meanTotal), fixed(medianTotal), fixed(meanPhase1)].join(','));
  }
  process.stdout.write(lines.join('\n') + '\n');
  connection.closeSync?.();
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(error); process.exitCode = 1; },
);
