-- Run in a headless Neovim after the README's snippet, on a report file: waits for the server's diagnostics, reads
-- them, hovers on the first table-total finding, applies its quick fix, waits for the diagnostics of the mended text,
-- and writes what it saw as JSON to $NIANBAO_NVIM_OUT. Uses only APIs Neovim 0.7 has.
local out = {}
local function finish()
  local f = assert(io.open(vim.env.NIANBAO_NVIM_OUT, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[buf].filetype
  local function diagnostics()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        code = d.code, message = d.message })
    end
    table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
    return list
  end
  out.waited = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  out.diagnostics = diagnostics()
  local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)()
  local client = clients[1]
  out.clients = #clients
  out.encoding = client and client.offset_encoding

  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'table-total' then target = d end
  end
  if not target then return end
  -- The finding as the server sent it: its range in the client's encoding, its code and data.
  local function at(row, col)
    return { line = row, character = vim.lsp.util.character_offset(buf, row, col, client.offset_encoding) }
  end
  local lsp = vim.tbl_extend('force', target.user_data.lsp or {}, {
    range = { start = at(target.lnum, target.col), ['end'] = at(target.end_lnum, target.end_col) },
    message = target.message,
    severity = target.severity,
    source = target.source,
    code = target.code,
  })
  -- Hover where the finding starts, in the client's encoding.
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = lsp.range.start,
  }, 10000)
  for _, r in pairs(hover or {}) do
    if r.result then out.hover = r.result.contents.value end
  end
  -- Its quick fix, applied as Neovim applies any workspace edit.
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp.range,
    context = { diagnostics = { lsp } },
  }, 10000)
  out.actions = {}
  local fix
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      table.insert(out.actions, a.title)
      if not fix and a.edit then fix = a end
    end
  end
  if not fix then return end
  local before = #vim.diagnostic.get(buf)
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  out.fixed_line = vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1]
  vim.wait(20000, function() return #vim.diagnostic.get(buf) < before end, 20)
  out.after = diagnostics()
end)
if not ok then out.error = tostring(err) end
finish()
