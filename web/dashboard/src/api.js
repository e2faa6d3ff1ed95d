// Calls to the KPI functions' read API: the same routes the BI tools use, on the page's own server or, when the page
// is hosted as static files, on the API named in config.json.

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

export class Api {
  /**
   * @param baseUrl the API's base URL without a trailing slash; empty for the server that served the page
   * @param key     a read key of the property, or the admin token; empty when the property has none
   */
  constructor(baseUrl, key) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.key = key;
  }

  /** Fetches every KPI's definition, with its names and explanations. */
  definitions() {
    return this.call('GET', '/kpis');
  }

  /** Fetches a snapshot of {property, from, to, groupBy?, compare?}. */
  snapshot(request) {
    return this.call('POST', '/snapshot', request);
  }

  /** Fetches the property's newest alerts. */
  alerts(property, limit) {
    const body = { property, limit };
    if (this.key) {
      body.readKey = this.key;
    }
    return this.call('POST', '/alerts', body);
  }

  async call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (this.key) {
      headers.Authorization = `Bearer ${this.key}`;
    }
    let response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, `${this.baseUrl || window.location.origin}${path} failed: ${e.message}`);
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // A response that is not JSON is reported below with its status.
    }
    if (!response.ok) {
      const message = json && (json.error || json.message) ? json.error || json.message
        : `${path} returned HTTP ${response.status}`;
      throw new ApiError(response.status, message, json ? json.field : undefined);
    }
    return json;
  }
}

/** Reads config.json beside the page: {"apiBaseUrl": "https://…"} when the API is on another origin. */
export async function loadConfig() {
  try {
    const response = await fetch('config.json', { cache: 'no-store' });
    if (response.ok) {
      const config = await response.json();
      return { apiBaseUrl: typeof config.apiBaseUrl === 'string' ? config.apiBaseUrl : '' };
    }
  } catch {
    // No config: the API is on the page's own origin.
  }
  return { apiBaseUrl: '' };
}
