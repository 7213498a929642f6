/** The JSON API (openapi.json): a failed request throws with the server's message. */
export class ApiError extends Error {}

export async function api<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  const res = await fetch(`${path}${query.size ? `?${query}` : ''}`, { headers: { accept: 'application/json' } });
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new ApiError(body.error ?? res.statusText);
  return body;
}
