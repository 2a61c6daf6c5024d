/**
 * Saving what the learner types in the policy editor to the world. After a pause in typing,
 * text that is a JSON object replaces the document (`setDocument`, one undo step) and the
 * draft is forgotten; any other text is kept as the node's draft (the world keeps its last
 * valid document, so the map never breaks, and a reload reopens the draft). The status
 * says which happened, and why a text was not saved.
 *
 * Lives in the main chunk (no Monaco): the panel shows the status even before the editor
 * has loaded, for a draft kept from an earlier visit.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRef, EditError } from '../../engine/edit/types';
import { translateEditError, useLang } from '../i18n';
import { useAppStore } from '../store';
import { documentAt } from './policyDocument';
import { readPolicyText } from './policyText';

/** A pause in typing after which the text is saved to the world. */
/** How long a pause in typing ends one undo step. */
const TYPING_MERGE_MS = 2000;

export const SAVE_DELAY_MS = 400;

export type EditStatus =
  | { readonly kind: 'readOnly' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'invalidJson'; readonly line: number; readonly column: number; readonly detail: string }
  | { readonly kind: 'notObject' }
  /** A JSON object the world refused (the edit's error), or one kept from before whose fate is unknown. */
  | { readonly kind: 'refused'; readonly message: string | undefined };

export interface PolicyEditing {
  readonly status: EditStatus;
  readonly onTextChange: (text: string) => void;
  readonly onReplacedByWorld: () => void;
}

/** Saves `text` as the document of `ref` or keeps it as the draft of `nodeId`; the refusal, if the world refused it. */
function save(nodeId: string, ref: DocumentRef, text: string): EditError | null {
  const store = useAppStore.getState();
  const state = readPolicyText(text);
  if (state.kind !== 'document') {
    store.setPolicyDraft(nodeId, text);
    return null;
  }
  const current = documentAt(store.world, ref)?.document;
  // The same document (keys in the same order): no undo step for nothing.
  if (JSON.stringify(current) !== JSON.stringify(state.document)) {
    // Typing with short pauses is one undo step, as in a text editor; a longer pause starts another.
    const result = store.applyEdit({ op: 'setDocument', ref, document: state.document }, { mergeKey: `typing:${nodeId}`, mergeWithinMs: TYPING_MERGE_MS });
    if (!result.ok) {
      store.setPolicyDraft(nodeId, text);
      return result.error;
    }
  }
  store.setPolicyDraft(nodeId, null);
  return null;
}

export function usePolicyEditing(nodeId: string, ref: DocumentRef | undefined): PolicyEditing {
  const lang = useLang();
  const draft = useAppStore((s) => (Object.hasOwn(s.policyDrafts, nodeId) ? s.policyDrafts[nodeId] : undefined));
  const [refusal, setRefusal] = useState<{ readonly nodeId: string; readonly text: string; readonly error: EditError } | null>(null);
  // The graph makes a new ref object on every change of the world: the latest is read when saving.
  const latestRef = useRef(ref);
  const pending = useRef<{ readonly timer: ReturnType<typeof setTimeout>; readonly run: () => void } | null>(null);

  useEffect(() => {
    latestRef.current = ref;
  });

  const run = useCallback(
    (text: string) => {
      const target = latestRef.current;
      if (target === undefined) return;
      const error = save(nodeId, target, text);
      setRefusal(error === null ? null : { nodeId, text, error });
    },
    [nodeId],
  );

  const cancel = useCallback(() => {
    if (pending.current !== null) clearTimeout(pending.current.timer);
    pending.current = null;
  }, []);

  const onTextChange = useCallback(
    (text: string) => {
      cancel();
      const go = () => {
        pending.current = null;
        run(text);
      };
      pending.current = { timer: setTimeout(go, SAVE_DELAY_MS), run: go };
    },
    [cancel, run],
  );

  const onReplacedByWorld = useCallback(() => {
    cancel();
    useAppStore.getState().setPolicyDraft(nodeId, null);
    setRefusal(null);
  }, [cancel, nodeId]);

  // Leaving the node (or the panel) saves what is still waiting: nothing typed is lost.
  useEffect(
    () => () => {
      const waiting = pending.current;
      if (waiting !== null) {
        clearTimeout(waiting.timer);
        waiting.run();
      }
    },
    [nodeId],
  );

  let status: EditStatus;
  if (ref === undefined) status = { kind: 'readOnly' };
  else if (draft === undefined) status = { kind: 'saved' };
  else {
    const state = readPolicyText(draft);
    if (state.kind === 'invalidJson') status = state;
    else if (state.kind === 'notObject') status = state;
    else {
      const known = refusal !== null && refusal.nodeId === nodeId && refusal.text === draft ? refusal.error : undefined;
      status = { kind: 'refused', message: known === undefined ? undefined : translateEditError(lang, known) };
    }
  }
  return { status, onTextChange, onReplacedByWorld };
}
