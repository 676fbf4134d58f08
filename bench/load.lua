-- wrk script of bench/load.sh: one wrk process per request type, each with this script.
-- Arguments (after --): a file of requests, one per line, tab-separated:
--   method  path  header-name  header-value  [body]
-- Each request is one of them at random. A line with a body is a POST of JSON, sent with an
-- Idempotency-Key unique to this run, connection and request (a new batch, never a replay).
-- LOAD_DELAY_MS (environment) makes each connection wait that long before each request, for
-- request types that arrive at a low rate (ingestion); it must be read here, at load time, since
-- wrk decides whether a script has a delay() before it starts its threads.
-- Any answer but 200 counts as an error: wrk itself counts only 4xx and 5xx, and a page whose
-- session was lost answers 302 to the sign-in page.

local pause = tonumber(os.getenv("LOAD_DELAY_MS") or "0")
if pause > 0 then
    function delay()
        return pause
    end
end

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

local requests = {}
local sent = 0
not_ok = 0
first_refusal = ""

function init(args)
    for line in io.lines(args[1]) do
        local method, path, name, value, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
        local headers = { [name] = value }
        if body == "" then
            body = nil
        else
            headers["Content-Type"] = "application/json"
        end
        table.insert(requests, { method = method, path = path, headers = headers, body = body })
    end
    run = (args[2] or "run") .. "-" .. tostring(wrk.thread):gsub("[^%w]", "")
    math.randomseed(os.time() + #tostring(wrk.thread))
end

function request()
    local r = requests[math.random(#requests)]
    if r.body then
        sent = sent + 1
        r.headers["Idempotency-Key"] = run .. "-" .. sent
    end
    return wrk.format(r.method, r.path, r.headers, r.body)
end

function response(status, headers, body)
    if status ~= 200 then
        not_ok = not_ok + 1
        if first_refusal == "" then
            first_refusal = status .. " " .. (body or ""):sub(1, 200):gsub("%s+", " ")
        end
    end
end

-- One line the benchmark reads: counts, microseconds, and the first refusal if any.
function done(summary, latency, requests)
    local bad, refusal = 0, ""
    for _, thread in ipairs(threads) do
        bad = bad + thread:get("not_ok")
        if refusal == "" then
            refusal = thread:get("first_refusal")
        end
    end
    local e = summary.errors
    io.write(string.format("LOAD requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d"
            .. " not_ok=%d connect=%d read=%d write=%d timeout=%d refusal=%s\n",
            summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
            latency:percentile(99), latency.max, bad, e.connect, e.read, e.write, e.timeout, refusal))
end
