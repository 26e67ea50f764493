-- wrk script of bench/serve_load.sh: POSTs the JSON body in the file $WRK_BODY to the URL on every request,
-- and at the end prints one machine-readable line for the script to parse:
--   RESULT <requests> <duration_us> <p50_us> <p99_us> <connect> <read> <write> <status> <timeout>
-- (status = responses with a status of 400 or more; wrk counts them, and the socket errors, itself).
-- usage: WRK_BODY=body.json wrk -t2 -c64 -d20s -s bench/serve_load.lua --latency http://127.0.0.1:P/v2/models/sine/infer
-- No request()/response() functions: wrk then builds the request once and does not call Lua per
-- response, so the load generator costs as little CPU as it can (it shares the cores with the server).
local path = os.getenv("WRK_BODY")
if path == nil then
  error("set WRK_BODY to the file holding the request body")
end
local file = assert(io.open(path, "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
