#!/usr/bin/env bash
# Issue 7's load test on PostgreSQL: a mixed workload (customer list and detail, page and API; the
# Global Usage report, page and API; usage ingestion in batches of 100; sign-ins with the mailed
# code) from several MSPs at once, one wrk process per request type, then pgbench running the same
# SQL per type in the same run. Prints requests/s and p50/p95/p99 per type, errors, and portal ÷
# SQL (also kept in target/benchmarks/load.txt). Takes about three minutes.
# Smaller or longer: bench/load.sh -Dportal.benchmark.seconds=60 -Dportal.benchmark.msps=5
set -euo pipefail
for tool in wrk pgbench; do
    if ! command -v "$tool" >/dev/null; then
        apt-get update -qq && apt-get install -y -qq wrk postgresql-client >/dev/null
    fi
done
source "$(dirname "$0")/benchmark.sh"
uptime
run_benchmark mspportal_load MixedLoadBenchmark load.txt "$@"
