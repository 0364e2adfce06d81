-- wrk script for bin/benchmark-leadbox: every request is a new lead's Leadbox form, posted as the widget
-- posts it (JSON, the allowed website's Origin, one form token for the run), with its own phone number and
-- idempotency key. Arguments after --: RUN TOKEN ORIGIN. Lead n of wrk thread t in run r has the number
-- +1 (2,000,000,000 + r * 10,000,000 + t * 1,000,000 + n), a possible US number (10 digits, first 2-9), and
-- the idempotency key bench-r-t-n: distinct within a run and across runs (r < 800, n < 1,000,000).
-- At the end it prints the requests sent, the 201s, the other answers and the ones in flight at the stop.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  run = tonumber(args[1])
  token = args[2]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Origin"] = args[3]
  base = 2000000000 + run * 10000000 + id * 1000000
  sent, created, other = 0, 0, 0
end

function request()
  local n = sent
  sent = sent + 1
  local body = string.format('{"profileId":null,"name":"Lead %d-%d-%d","phone":"+1%d","message":"Hi, do you have an '
      .. 'opening for a cleaning this week? Lead %d.","pageUrl":"http://bench.leadline.local/contact?n=%d",'
      .. '"formToken":"%s","website":"","idempotencyKey":"bench-%d-%d-%d"}',
      run, id, n, base + n, n, n, token, run, id, n)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    other = other + 1
    if other <= 3 then io.stderr:write("answer " .. status .. ": " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local s, c, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("sent")
    c = c + thread:get("created")
    o = o + thread:get("other")
  end
  io.write(string.format("leads: sent %d, answered 201 %d, other answers %d, in flight at the stop %d\n", s, c, o, s - c - o))
end
