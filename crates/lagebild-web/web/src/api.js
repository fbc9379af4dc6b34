// Requests to the server's JSON API (the same origin: no other host is ever asked).

export class ApiError extends Error {}

export async function get(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && String(value).trim() !== "") query.set(key, String(value).trim());
  }
  const url = "/api/v1/" + path + (query.size ? "?" + query : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new ApiError(message);
  }
  return body;
}

/** All pages of a list, up to `max` items. */
export async function getAll(path, params, max) {
  const items = [];
  let cursor = null;
  do {
    const page = await get(path, { ...params, limit: 500, cursor });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor && items.length < max);
  return { items: items.slice(0, max), complete: !cursor };
}
