// Records where a file is used through the REST route `PUT|DELETE {endpoint}/:id/usages`, so the
// library's details pane (and any other client) can show it.
import type { Usage } from '@mediabay/core/protocol';

async function send(
  endpoint: string,
  method: 'PUT' | 'DELETE',
  fileId: string,
  usage: Usage,
): Promise<Usage[]> {
  const response = await fetch(`${endpoint}/${encodeURIComponent(fileId)}/usages`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(usage),
  });
  const body = (await response.json().catch(() => ({}))) as { usages?: Usage[]; error?: { message: string } };
  if (!response.ok || !body.usages)
    throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
  return body.usages;
}

export const addUsage = (endpoint: string, fileId: string, usage: Usage) =>
  send(endpoint, 'PUT', fileId, usage);
export const removeUsage = (endpoint: string, fileId: string, usage: Usage) =>
  send(endpoint, 'DELETE', fileId, usage);
