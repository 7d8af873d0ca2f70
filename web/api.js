// Fetch wrapper for the JSON API under /api/v1 (does network I/O). Same-origin credentials (the
// session cookie), JSON bodies with Content-Type application/json on writes (the server refuses
// other types with 415), and errors surfaced as ApiError carrying the server's own message.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;  // HTTP status, 0 when the request never got an answer
    this.code = code;      // the server's error code, e.g. "invalid_argument"
  }
}

let onUnauthenticated = null;

// Registers the callback run when any call answers 401 (the session ended): the app shows login.
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn;
}

// Builds "/api/v1" + path + "?k=v..." skipping empty values.
export function apiUrl(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return '/api/v1' + path + (qs ? '?' + qs : '');
}

// One request. Resolves to the parsed JSON body (null for 204, a string for text bodies);
// rejects with ApiError for any non-2xx answer or a network failure.
export async function request(method, path, {query, body} = {}) {
  const headers = {Accept: 'application/json'};
  const init = {method, credentials: 'same-origin', headers};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(apiUrl(path, query), init);
  } catch (e) {
    throw new ApiError(0, 'network', String(e && e.message ? e.message : e));
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const err = data && typeof data === 'object' && data.error ? data.error : {};
    const apiErr = new ApiError(res.status, err.code || `http_${res.status}`,
                                err.message || `${res.status} ${res.statusText}`);
    apiErr.body = data;  // the whole answer: some errors carry results (e.g. a rule's errors)
    if (res.status === 401 && onUnauthenticated && path !== '/auth/login') onUnauthenticated();
    throw apiErr;
  }
  return data;
}

export const get = (path, query) => request('GET', path, {query});
export const post = (path, body) => request('POST', path, {body: body === undefined ? {} : body});
export const put = (path, body) => request('PUT', path, {body: body === undefined ? {} : body});

let openApi = null;

// Whether the server has a route (method + pattern as in docs/api.md, e.g. GET
// "/api/v1/declarations/{id}/routing"), read once from GET /api/v1/openapi.json. Lets a screen
// show a part only when the server offers it, without provoking 404s.
export async function hasRoute(method, pattern) {
  if (!openApi) {
    openApi = get('/openapi.json').catch((e) => {
      openApi = null;
      throw e;
    });
  }
  const doc = await openApi;
  const item = doc && doc.paths ? doc.paths[pattern] : null;
  return Boolean(item && item[method.toLowerCase()]);
}
