/*
 * A minimal MCP client for the browser and install tests: JSON-RPC over
 * Streamable HTTP to the portal's /api/mcp-actions/v1, with the guest's token,
 * as an agent's MCP client sends it (the server answers as an event stream).
 */
import { BACKEND_URL, guestToken } from './browser';

/** One JSON-RPC request to the portal's MCP server; the parsed answer and the HTTP status. */
export async function mcpRequest(
  method: string,
  params: Record<string, unknown>,
  options: { token?: string | null } = {},
): Promise<{ status: number; result?: any; error?: any }> {
  const token =
    options.token === undefined ? await guestToken() : options.token;
  const res = await fetch(`${BACKEND_URL}/api/mcp-actions/v1`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const text = await res.text();
  // an event stream: the message is the JSON of its `data:` line(s)
  const data = text
    .split('\n')
    .filter(line => line.startsWith('data:'))
    .map(line => line.slice('data:'.length).trim())
    .join('');
  let message: any;
  try {
    message = JSON.parse(data || text);
  } catch {
    message = undefined;
  }
  return { status: res.status, result: message?.result, error: message?.error };
}

/** Calls an MCP tool; its text answer parsed as JSON when it is JSON. */
export async function mcpTool(
  name: string,
  args: Record<string, unknown>,
): Promise<{ isError: boolean; text: string; json: any }> {
  const { status, result, error } = await mcpRequest('tools/call', {
    name,
    arguments: args,
  });
  if (status !== 200 || error) {
    throw new Error(
      `tools/call ${name}: HTTP ${status} ${JSON.stringify(error)}`,
    );
  }
  const text = (result?.content ?? [])
    .filter((c: any) => c.type === 'text')
    .map((c: any) => c.text)
    .join('\n');
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { isError: Boolean(result?.isError), text, json };
}
