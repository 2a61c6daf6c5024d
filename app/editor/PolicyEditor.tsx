/**
 * A policy document in Monaco (lazy chunk): the learner writes it here, with completion,
 * hover documentation, the engine's findings as markers with quick fixes, and Format. The
 * statement that decided the last request is highlighted and scrolled to.
 *
 * Typing never waits on the engine: every change is reported to the panel at once (which
 * saves it to the world after a pause, ../editor/usePolicyEditing.ts) and validated by the
 * worker after a pause, latest text wins. A change of the world's document made elsewhere
 * (undo, the inspector) replaces the text only when it says something else, so the cursor
 * stays where it is while the learner's own edits come back from the world.
 */
import { useEffect, useRef, useState } from 'react';
import type { PolicySizeLimitName } from '../../engine/policy/sizeLimits';
import type { PolicyKind, Span } from '../../engine/policy/types';
import type { EditorFinding } from '../../engine/policy/validateText';
import { Icon } from '../components/Icon';
import { engine, siteBaseUrl } from '../engine/engine';
import { useLang, useT } from '../i18n';
import { policySourceText } from '../world/policyText';
import { clearFindings, setPolicyLanguage, setupPolicyLanguage, showFindings } from './languageSetup';
import { findingCounts } from './markers';
import { monaco } from './monaco';
import { POLICY_MODEL_AUTHORITY, POLICY_MODEL_SCHEME, policyModelPath } from './policyModels';
import { textShows } from './policyText';
import { editorCatalogue } from './serviceCatalogue';
import { mapSpan } from './spanMap';

export interface PolicyEditorProps {
  /** The policy's node (its model is named after it). */
  readonly nodeId: string;
  readonly kind: PolicyKind;
  /** The document the world holds (or AWS's, for an AWS managed policy). */
  readonly document: unknown;
  /** The text to open with: the learner's unsaved draft, else the document's text. Read when the node opens. */
  readonly initialText: string;
  readonly readOnly: boolean;
  /** What the engine needs beyond the kind to check this document as AWS would. */
  readonly checks?: { readonly sizeLimit?: PolicySizeLimitName | null; readonly resourceArn?: string };
  readonly ariaLabel: string;
  /** The span of the statement to mark, in the document's canonical text (`policySourceText`). */
  readonly highlight: Span | undefined;
  /** The learner changed the text (not called for a change that came from the world). */
  readonly onTextChange?: (text: string) => void;
  /** The text was replaced by the world's document, changed elsewhere: a draft is obsolete. */
  readonly onReplacedByWorld?: () => void;
}

type CodeEditor = ReturnType<typeof monaco.editor.create>;
type Model = ReturnType<typeof monaco.editor.createModel>;
type Check = { readonly state: 'checking' } | { readonly state: 'done'; readonly findings: readonly EditorFinding[] } | { readonly state: 'failed'; readonly message: string };

/** A pause in typing before the worker validates the text. */
const VALIDATE_DELAY_MS = 300;

const OPTIONS = {
  language: 'json',
  theme: 'vs',
  minimap: { enabled: false },
  fontSize: 13,
  lineHeight: 20,
  fontFamily: "'JetBrains Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace",
  scrollBeyondLastLine: false,
  renderLineHighlight: 'none',
  automaticLayout: true,
  wordWrap: 'on',
  padding: { top: 12, bottom: 12 },
  scrollbar: { alwaysConsumeMouseWheel: false },
  tabSize: 2,
  folding: true,
  glyphMargin: false,
  lineNumbersMinChars: 3,
  // Suggestions inside strings too: actions, ARNs and condition keys are strings.
  quickSuggestions: { other: true, strings: true, comments: false },
  wordBasedSuggestions: 'off',
  suggest: { showWords: false },
  // The suggestion list and hovers may overflow the panel's frame.
  fixedOverflowWidgets: true,
} satisfies Parameters<typeof monaco.editor.create>[1];

export default function PolicyEditor(props: PolicyEditorProps) {
  const { nodeId, kind, document, readOnly, ariaLabel, highlight } = props;
  const t = useT();
  const lang = useLang();
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<CodeEditor | null>(null);
  const modelRef = useRef<Model | null>(null);
  /** The latest props, for listeners made once per model. */
  const latest = useRef(props);
  /** The document the editor's text was last made to agree with. */
  const shownDocument = useRef<unknown>(undefined);
  /** True while the editor itself replaces the text (not the learner typing). */
  const replacing = useRef(false);
  const decorations = useRef<ReturnType<CodeEditor['createDecorationsCollection']> | null>(null);
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const langAtMount = useRef(lang);

  useEffect(() => {
    latest.current = props;
  });

  // The editor, once. INVARIANT: the effects below are declared after this one, so on mount
  // (and on StrictMode's remount) they run with the editor already made.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    setupPolicyLanguage(langAtMount.current);
    const editor = monaco.editor.create(element, { ...OPTIONS, readOnly: latest.current.readOnly, ariaLabel: latest.current.ariaLabel, model: null });
    editorRef.current = editor;
    // The list of services and the global condition keys, fetched now so the first completion is quick.
    editorCatalogue().loadIndex().catch(() => undefined);
    return () => {
      editor.dispose();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => setPolicyLanguage(lang), [lang]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel });
  }, [readOnly, ariaLabel]);

  // One model per node: created when the node opens, with the draft or the document's text.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const uri = monaco.Uri.from({ scheme: POLICY_MODEL_SCHEME, authority: POLICY_MODEL_AUTHORITY, path: policyModelPath(kind, nodeId) });
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(latest.current.initialText, 'json', uri);
    model.updateOptions({ tabSize: 2, insertSpaces: true });
    modelRef.current = model;
    shownDocument.current = latest.current.document;
    editor.setModel(model);

    let timer: ReturnType<typeof setTimeout> | undefined;
    let sequence = 0;
    const validate = () => {
      if (latest.current.readOnly) return;
      const text = model.getValue();
      const version = model.getVersionId();
      const mine = ++sequence;
      setCheck({ state: 'checking' });
      const stale = () => mine !== sequence || model.isDisposed() || model.getVersionId() !== version;
      engine.call({ type: 'validatePolicy', text, kind, baseUrl: siteBaseUrl(), ...latest.current.checks }).then(
        (answer) => {
          if (stale()) return;
          if (answer.type === 'policyValidated') {
            showFindings(model, answer.findings);
            setCheck({ state: 'done', findings: answer.findings });
          } else if (answer.type === 'error') setCheck({ state: 'failed', message: answer.message });
        },
        (error: unknown) => {
          if (!stale()) setCheck({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
        },
      );
    };
    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(validate, VALIDATE_DELAY_MS);
    };
    const subscription = model.onDidChangeContent(() => {
      if (!replacing.current) latest.current.onTextChange?.(model.getValue());
      schedule();
    });
    validate();
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      sequence++;
      subscription.dispose();
      clearFindings(model);
      model.dispose();
      if (modelRef.current === model) modelRef.current = null;
    };
  }, [nodeId, kind]);

  // The world's document changed elsewhere: show it, unless the text already says it.
  useEffect(() => {
    const model = modelRef.current;
    if (!model || document === shownDocument.current) return;
    shownDocument.current = document;
    if (document === undefined || textShows(model.getValue(), document)) return;
    replacing.current = true;
    try {
      // An edit, not setValue: the editor's own undo history keeps the learner's text.
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: policySourceText(document) }], () => null);
    } finally {
      replacing.current = false;
    }
    latest.current.onReplacedByWorld?.();
  }, [document]);

  // The deciding statement, carried from the document's canonical text to the editor's text.
  useEffect(() => {
    const editor = editorRef.current;
    const model = modelRef.current;
    decorations.current?.clear();
    if (!editor || !model || !highlight) return;
    const span = mapSpan(policySourceText(document), model.getValue(), highlight);
    if (!span) return;
    const start = model.getPositionAt(span.start);
    const end = model.getPositionAt(span.end);
    const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
    decorations.current = editor.createDecorationsCollection([
      { range, options: { className: 'statement-highlight', isWholeLine: false, linesDecorationsClassName: 'statement-highlight-gutter', stickiness: 1 } },
    ]);
    editor.revealRangeInCenterIfOutsideViewport(range);
  }, [highlight, document, nodeId]);

  const format = () => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.focus();
    void editor.getAction('editor.action.formatDocument')?.run();
  };

  return (
    <div className="policy-editor">
      {readOnly ? null : <p className="policy-editor-kind">{t('editor.checkedAs', { kind: t(`editor.kind.${kind}`) })}</p>}
      <div className="policy-editor-bar">
        {readOnly ? null : <CheckSummary check={check} />}
        {readOnly ? null : (
          <button type="button" className="button secondary small" onClick={format} title={t('editor.formatHint')}>
            {t('editor.format')}
          </button>
        )}
      </div>
      <div className="editor-frame" ref={container} />
    </div>
  );
}

function CheckSummary({ check }: { readonly check: Check }) {
  const t = useT();
  if (check.state === 'checking') return <span className="policy-editor-check muted">{t('editor.checking')}</span>;
  if (check.state === 'failed') {
    return (
      <span className="policy-editor-check is-error">
        <Icon name="warning" size={14} /> {t('editor.checkFailed', { message: check.message })}
      </span>
    );
  }
  const counts = findingCounts(check.findings);
  const parts = [
    counts.errors > 0 ? t('editor.count.errors', { count: counts.errors }) : '',
    counts.warnings > 0 ? t('editor.count.warnings', { count: counts.warnings }) : '',
    counts.suggestions > 0 ? t('editor.count.suggestions', { count: counts.suggestions }) : '',
  ].filter((p) => p !== '');
  if (check.findings.length === 0) {
    return (
      <span className="policy-editor-check is-clean">
        <Icon name="allowed" size={14} /> {t('editor.noProblems')}
      </span>
    );
  }
  return (
    <span className={`policy-editor-check ${counts.errors > 0 ? 'is-error' : 'is-warning'}`}>
      <Icon name={counts.errors > 0 ? 'error' : 'warning'} size={14} /> {parts.join(' · ')}
    </span>
  );
}
