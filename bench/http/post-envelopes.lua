-- wrk script: POST TAXII envelopes of 100 new indicators each (fresh UUIDv4 ids, so nothing is a duplicate).
-- Usage: wrk -t2 -c8 -d15s -s bench/http/post-envelopes.lua -H "Authorization: Basic …" URL/api/collections/<id>/objects/
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local function uuid()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (template:gsub("[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end
request = function()
  local objects = {}
  for i = 1, 100 do
    objects[i] = string.format('{"type":"indicator","spec_version":"2.1","id":"indicator--%s","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"load %d","pattern":"[ipv4-addr:value = \'198.51.100.%d\']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"}', uuid(), i, i % 256)
  end
  -- wrk.format uses only the headers it is given, so carry over those from -H (the Authorization).
  local headers = {["Content-Type"] = "application/taxii+json;version=2.1", ["Accept"] = "application/taxii+json;version=2.1"}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return wrk.format("POST", nil, headers, '{"objects":[' .. table.concat(objects, ",") .. ']}')
end
