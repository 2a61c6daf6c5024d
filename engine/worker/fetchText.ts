/**
 * The text of a file the site ships (the sample world), for `fetchScenario`: a failure is an
 * answer that says why (the map shows it), never a thrown error.
 */
import { platformFetchAs } from '../data/fetchLike';

export type FetchedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** Reads the file at a URL. */
export type TextFetch = (url: string) => Promise<FetchedText>;

/** The part of a `Response` read here (declared so the engine compiles without the DOM lib). */
interface TextResponse {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The platform's `fetch` (the worker's, or the page's for the main-thread engine). */
export const platformFetchText: TextFetch = async (url) => {
  try {
    const response = await platformFetchAs<TextResponse>()(url);
    if (!response.ok) return { ok: false, message: `HTTP ${response.status} for \`${url}\`` };
    return { ok: true, text: await response.text() };
  } catch (error) {
    return { ok: false, message: `Could not fetch \`${url}\`: ${messageOf(error)}` };
  }
};
