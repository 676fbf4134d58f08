#!/usr/bin/env bash
# Runs two portal instances on one PostgreSQL database behind a local nginx (loopback only), and
# stops all three on exit (Ctrl-C, TERM, or either instance dying). README: "Running several instances".
#
#   scripts/two-instances.sh [--demo]
#
# --demo starts instance 1 with the demo profile (demo data on the first start, sign-in printed to
# its log). Settings, from the environment:
#   PORTAL_DATABASE_URL   jdbc:postgresql://127.0.0.1:5432/mspportal?user=postgres (must exist)
#   PROXY_PORT            8080, where nginx listens on 127.0.0.1
#   INSTANCE_PORTS        "8081 8082", the two instances' ports (loopback)
#   RUN_DIR               target/two-instances: nginx.conf, logs, instance-N.pid
# Every other SPRING_*/PORTAL_*/SERVER_* variable reaches both instances (SMTP, mail sender...).
set -euo pipefail
cd "$(dirname "$0")/.."

demo=false
for argument in "$@"; do
    case "$argument" in
        --demo) demo=true ;;
        *) echo "usage: $0 [--demo]" >&2; exit 2 ;;
    esac
done

database_url="${PORTAL_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/mspportal?user=postgres}"
proxy_port="${PROXY_PORT:-8080}"
read -r -a instance_ports <<< "${INSTANCE_PORTS:-8081 8082}"
run_dir="$(mkdir -p "${RUN_DIR:-target/two-instances}" && cd "${RUN_DIR:-target/two-instances}" && pwd)"
log() { printf '[two-instances] %s\n' "$*"; }

# --- the jar: built when missing or older than the sources ---------------------------------------
jar() { ls target/msp-portal-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -1; }
if [[ -z "$(jar)" ]] || [[ -n "$(find src/main pom.xml -newer "$(jar)" -type f -print -quit)" ]]; then
    log "building the jar (./mvnw -q -DskipTests package)"
    ./mvnw -q -DskipTests package
fi
portal_jar="$(jar)"

# --- nginx from Debian's packages --------------------------------------------------------------
if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
    log "installing Debian's nginx"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

# --- stop everything we started, whatever ends the script ---------------------------------------
pids=()
stop_all() {
    trap - EXIT
    trap "" INT TERM   # a second Ctrl-C must not leave instances behind
    log "stopping"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    # Graceful shutdown lets requests in flight finish; after 30 s the stragglers are killed.
    for _ in $(seq 1 60); do
        alive=false
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
        $alive || break
        sleep 0.5
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    rm -f "$run_dir"/*.pid
    log "stopped"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- nginx: one upstream of two servers, retries only where a retry cannot double a write --------
mkdir -p "$run_dir/nginx-temp"
rm -f "$run_dir"/nginx-*.log "$run_dir"/instance-*.log   # this run's logs only
cat > "$run_dir/nginx.conf" <<EOF
# Written by scripts/two-instances.sh; see docs/scaling.md, "Several instances".
worker_processes 1;
daemon off;
pid $run_dir/nginx.pid;
error_log $run_dir/nginx-error.log warn;
events { worker_connections 1024; }
http {
    log_format upstreams '\$remote_addr "\$request" \$status upstream=\$upstream_addr upstream_status=\$upstream_status \$request_time';
    access_log $run_dir/nginx-access.log upstreams;
    client_body_temp_path $run_dir/nginx-temp/body;
    proxy_temp_path $run_dir/nginx-temp/proxy;
    fastcgi_temp_path $run_dir/nginx-temp/fastcgi;
    uwsgi_temp_path $run_dir/nginx-temp/uwsgi;
    scgi_temp_path $run_dir/nginx-temp/scgi;
    client_max_body_size 8m;   # the usage upload's 6 MB and a 10 000-record JSON batch

    upstream portal {
        # A failed server is left alone for 5 s, then tried again (it may have been restarted).
        server 127.0.0.1:${instance_ports[0]} max_fails=1 fail_timeout=5s;
        server 127.0.0.1:${instance_ports[1]} max_fails=1 fail_timeout=5s;
        keepalive 32;
    }

    # POST and PATCH carrying an Idempotency-Key may be sent again to the other instance: the
    # portal answers a repeated key with the stored response (or performs it once, if the first
    # instance died before committing). Any other write is never retried: a form POST that reached
    # an instance which then died may have been applied, and the browser shows the error instead.
    map \$http_idempotency_key \$keyed_write {
        default 1;
        ""      0;
    }

    server {
        listen 127.0.0.1:${proxy_port};

        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host \$http_host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto \$scheme;
        proxy_connect_timeout 2s;
        proxy_read_timeout 60s;
        proxy_next_upstream_tries 2;
        proxy_next_upstream_timeout 30s;

        location / {
            error_page 418 = @keyed_write;
            if (\$keyed_write) { return 418; }
            # GET, HEAD, PUT, DELETE, OPTIONS: retried on the other instance (nginx never retries
            # POST, PATCH or LOCK unless told to).
            proxy_next_upstream error timeout http_502 http_503;
            proxy_pass http://portal;
        }

        location @keyed_write {
            proxy_next_upstream error timeout http_502 http_503 non_idempotent;
            proxy_pass http://portal;
        }
    }
}
EOF
"$nginx_bin" -t -q -c "$run_dir/nginx.conf" -p "$run_dir"

# --- the two instances and nginx ------------------------------------------------------------------
export SPRING_DATASOURCE_URL="$database_url"
export PORTAL_BASE_URL="${PORTAL_BASE_URL:-http://localhost:${proxy_port}}"
# Behind the proxy: the client's address (audit, rate limits) and scheme come from X-Forwarded-*,
# which Tomcat trusts from loopback and private addresses only.
export SERVER_FORWARD_HEADERS_STRATEGY="${SERVER_FORWARD_HEADERS_STRATEGY:-native}"
export SERVER_ADDRESS="${SERVER_ADDRESS:-127.0.0.1}"

for index in 0 1; do
    number=$((index + 1))
    profile=()
    if $demo && [[ $number == 1 ]]; then
        profile=(--spring.profiles.active=demo --portal.demo.any-database=true)
    fi
    SERVER_PORT="${instance_ports[$index]}" java ${PORTAL_JAVA_OPTS:--Xmx768m} -jar "$portal_jar" "${profile[@]}" \
        > "$run_dir/instance-$number.log" 2>&1 &
    pids+=("$!")
    echo "$!" > "$run_dir/instance-$number.pid"
    log "instance $number: pid $!, http://127.0.0.1:${instance_ports[$index]}, log $run_dir/instance-$number.log"
done

"$nginx_bin" -c "$run_dir/nginx.conf" -p "$run_dir" &
pids+=("$!")
echo "$!" > "$run_dir/proxy.pid"

# --- healthy? -------------------------------------------------------------------------------------
healthy() { curl -fs -o /dev/null --max-time 2 "$1/actuator/health/readiness"; }
deadline=$((SECONDS + ${STARTUP_TIMEOUT:-240}))
for port in "${instance_ports[@]}"; do
    until healthy "http://127.0.0.1:$port"; do
        for pid in "${pids[@]}"; do
            kill -0 "$pid" 2>/dev/null || { log "process $pid exited during startup; see $run_dir"; exit 1; }
        done
        (( SECONDS < deadline )) || { log "no healthy instance on port $port in time; see $run_dir"; exit 1; }
        sleep 1
    done
done
healthy "http://127.0.0.1:$proxy_port" || { log "nginx does not reach the instances"; exit 1; }
log "ready: http://localhost:${proxy_port} (instances on ${instance_ports[*]}); Ctrl-C stops all"

# Runs until a signal, or until a process ends (one instance killed leaves the other serving).
while kill -0 "${pids[-1]}" 2>/dev/null; do
    alive=0
    for pid in "${pids[@]:0:2}"; do kill -0 "$pid" 2>/dev/null && alive=$((alive + 1)); done
    (( alive > 0 )) || { log "both instances have exited"; exit 1; }
    sleep 1
done
log "nginx has exited"
exit 1
