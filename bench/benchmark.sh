# What the benchmark scripts share (sourced, not run): a fresh PostgreSQL database, one benchmark
# class run by Maven against it, its figures printed, the database dropped afterwards.
# Needs the local PostgreSQL of ARCHITECTURE.md (127.0.0.1:5432, user postgres).
# Set KEEP_DATABASE=true to keep the database for a look afterwards.

# run_benchmark <database> <JUnit class> <file under target/benchmarks> [Maven -D options...]
run_benchmark() {
    local database=$1 class=$2 figures=$3
    shift 3
    cd "$(dirname "${BASH_SOURCE[0]}")/.."
    psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q \
        -c "DROP DATABASE IF EXISTS ${database} WITH (FORCE)" -c "CREATE DATABASE ${database}"
    if [[ "${KEEP_DATABASE:-false}" != true ]]; then
        trap "psql -h 127.0.0.1 -U postgres -q -c 'DROP DATABASE IF EXISTS ${database} WITH (FORCE)'" EXIT
    fi
    rm -f "target/benchmarks/${figures}"
    export PORTAL_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:5432/${database}?user=postgres"
    ./mvnw --batch-mode --no-transfer-progress -q test -Dtest="${class}" -Dportal.benchmark=true \
        -Dsurefire.failIfNoSpecifiedTests=false "$@"
    echo
    cat "target/benchmarks/${figures}"
}
