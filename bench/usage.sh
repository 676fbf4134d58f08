#!/usr/bin/env bash
# Issue 5's benchmark on PostgreSQL: 10 000 customers and 20 million usage records (loaded with
# COPY, rolled up with INSERT ... SELECT ... GROUP BY), then ingestion records/s through
# POST /api/v1/usage and through raw COPY in the same run, and the Global Usage report's
# p50/p95/p99 (API and page; a month and a year; all editions and Business), with the load average.
# Figures also kept in target/benchmarks/usage.txt. Takes about ten minutes and some 6 GB of disk
# in the database mspportal_usage_bench, dropped at the end (KEEP_DATABASE=true keeps it).
# Smaller trial: bench/usage.sh -Dportal.benchmark.days=30 -Dportal.benchmark.measured=20
set -euo pipefail
source "$(dirname "$0")/benchmark.sh"
uptime
run_benchmark mspportal_usage_bench UsageBenchmark usage.txt "$@"
