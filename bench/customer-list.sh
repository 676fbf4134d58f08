#!/usr/bin/env bash
# Issue 4's benchmark: the Customers page and GET /api/v1/customers with 10 000 customers in one MSP,
# on PostgreSQL. Prints p50/p95/p99 per request type (also kept in target/benchmarks/customer-list.txt).
# Needs the local PostgreSQL of ARCHITECTURE.md (127.0.0.1:5432, user postgres). Takes about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
database=mspportal_bench
psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS ${database} WITH (FORCE)" -c "CREATE DATABASE ${database}"
export PORTAL_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:5432/${database}?user=postgres"
./mvnw --batch-mode --no-transfer-progress -q test -Dtest=CustomerListBenchmark -Dportal.benchmark=true \
    -Dsurefire.failIfNoSpecifiedTests=false
echo
cat target/benchmarks/customer-list.txt
