#!/usr/bin/env bash
# Issue 4's benchmark: the Customers page and GET /api/v1/customers with 10 000 customers in one MSP,
# on PostgreSQL. Prints p50/p95/p99 per request type (also kept in target/benchmarks/customer-list.txt).
# Takes about two minutes.
set -euo pipefail
source "$(dirname "$0")/benchmark.sh"
run_benchmark mspportal_bench CustomerListBenchmark customer-list.txt "$@"
