/**
 * Sending what the console built: the sign-in the world allows (password, MFA code of the
 * moment) is filled in, the request is built, and `runRequest` sends it as a console run —
 * with what-if cleared (a console run judges the world as it is) and the decision view
 * shown, so the learner watches the decision unfold.
 */
import type { RequestJson, ScenarioJson } from '../../../engine/scenario/types';
import { useAppStore } from '../../store';
import { runRequest } from '../runRequest';
import { buildRequest, canSignIn, type Built } from './buildRequest';
import type { KeyType } from './contextKeys';
import type { RequestDraft } from './draft';
import { consoleSignIn } from './signIn';

/** The request the draft describes, with the console sign-in the world makes possible. */
export async function prepareRequest(draft: RequestDraft, world: ScenarioJson, typeOf: (key: string) => KeyType): Promise<Built> {
  const signIn = draft.mode === 'api' && draft.consoleSignIn && canSignIn(draft) ? await consoleSignIn(world, draft.principal.trim(), draft.consoleMfa) : undefined;
  return buildRequest(draft, { typeOf, ...(signIn ? { signIn } : {}) });
}

/** The saved request the form was filled from and still shows unchanged. */
export function loadedRequest(draft: RequestDraft, world: ScenarioJson): RequestJson | undefined {
  return draft.exampleId === undefined ? undefined : world.requests?.find((r) => r.id === draft.exampleId);
}

/** A saved request as it is sent: its `expect` is shown beside the answer, not sent. */
export function withoutExpect(request: RequestJson): RequestJson {
  const { expect: _expect, ...rest } = request;
  return rest;
}

/** Sends `request` from the console and shows the decision view. */
export function runFromConsole(request: RequestJson, expected: string | undefined): void {
  const store = useAppStore.getState();
  store.setWhatIf({});
  store.setMainView('decision');
  void runRequest(request, { source: 'console', ...(expected !== undefined ? { expected } : {}) });
}
