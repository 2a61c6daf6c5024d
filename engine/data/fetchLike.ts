/**
 * The little of `fetch` the data loaders use, declared here so the engine compiles without
 * the DOM lib. The browser's and Node's `fetch` both fit it, and so does a test double.
 */

/** The part of a `Response` the loaders read. */
export interface FetchResponseLike {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
}

/** A `fetch` reduced to a GET of one URL. */
export type FetchLike = (url: string) => Promise<FetchResponseLike>;

/**
 * The platform's `fetch`, typed as the part of a response the caller reads, and called
 * through a wrapper so that it is never invoked with a foreign `this` (browsers throw
 * "Illegal invocation" for a detached `fetch`).
 */
export function platformFetchAs<R>(): (url: string) => Promise<R> {
  const g = globalThis as unknown as { fetch?: (url: string) => Promise<R> };
  if (typeof g.fetch !== 'function') {
    throw new Error('No global `fetch` in this environment: pass a fetch function to the loader.');
  }
  return (url) => (g.fetch as (url: string) => Promise<R>)(url);
}

/** The platform's `fetch` for the data loaders. */
export function platformFetch(): FetchLike {
  return platformFetchAs<FetchResponseLike>();
}

/** `baseUrl` with exactly one trailing slash, so that `${dir}file` is always a path join. */
export function withTrailingSlash(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

/**
 * GET a JSON file. Resolves `undefined` on 404 (the file does not exist, which the callers
 * treat as "unknown"); rejects on any other failure with the URL in the message.
 */
export async function fetchJson(fetchFn: FetchLike, url: string): Promise<unknown> {
  let response: FetchResponseLike;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new Error(`Could not fetch \`${url}\`: ${String(error)}. Check that the app's data files are deployed.`);
  }
  if (response.status === 404) return undefined;
  if (!response.ok) {
    throw new Error(`Fetching \`${url}\` failed with HTTP ${response.status}.`);
  }
  try {
    return await response.json();
  } catch (error) {
    // The classic cause: a static server answering a missing file with index.html.
    throw new Error(`\`${url}\` is not JSON (${String(error)}); is the server answering missing files with index.html?`);
  }
}
