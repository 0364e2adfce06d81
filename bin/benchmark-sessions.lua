-- wrk script for bin/benchmark-http: every request takes the next of several sessions (one cookie a line in the
-- file given after --), as many people (or tabs) would, instead of all requests sharing one session row.
local cookies = {}
local next_one = 1

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then cookies[#cookies + 1] = line end
  end
  next_one = math.random(#cookies)
end

function request()
  next_one = next_one % #cookies + 1
  return wrk.format("GET", nil, { ["Cookie"] = cookies[next_one] })
end
