/**
 * The policy language inside Monaco's JSON: schemas per policy kind (in the UI language),
 * completion, hover documentation, markers from the engine's findings and their quick
 * fixes. Registered once per page; every provider answers for policy models only
 * (./policyModels.ts). The logic lives in Monaco-free modules (./completion/*, ./markers.ts,
 * ./policySchema.ts); this file only adapts it to Monaco's types.
 */
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import type { EditorFinding } from '../../engine/policy/validateText';
import type { Lang } from '../i18n';
import { editorDocsEn, type EditorDocs } from '../i18n/areas/editor.docs.en';
import { editorDocsKo } from '../i18n/areas/editor.docs.ko';
import { useAppStore } from '../store';
import { hoverAt, hoverText } from './completion/hover';
import { completionItems, type ItemKind } from './completion/items';
import { completionRequest } from './completion/request';
import { loadCompletionSources, loadHoverSources } from './completion/sources';
import { worldNames } from './completion/worldNames';
import { fixTitle } from './findingText';
import { markerSpecs, type MarkerLevel } from './markers';
import { monaco } from './monaco';
import { POLICY_KINDS, policyKindOfModel, policyModelPattern } from './policyModels';
import { policySchema } from './policySchema';
import { editorCatalogue } from './serviceCatalogue';

type Model = ReturnType<typeof monaco.editor.createModel>;

/** The owner of our markers (Monaco keeps markers per owner). */
const OWNER = 'iam-policy';
const DOCS: Readonly<Record<Lang, EditorDocs>> = { en: editorDocsEn, ko: editorDocsKo };

let lang: Lang = 'en';
let registered = false;
/**
 * The findings behind each policy model's markers, with the model version they were
 * computed for: their offsets hold only for that version (quick fixes, a language switch).
 */
const findingsByModel = new Map<string, { readonly findings: readonly EditorFinding[]; readonly version: number }>();

const ITEM_KINDS: Readonly<Record<ItemKind, number>> = {
  service: monaco.languages.CompletionItemKind.Module,
  action: monaco.languages.CompletionItemKind.Function,
  operator: monaco.languages.CompletionItemKind.Operator,
  key: monaco.languages.CompletionItemKind.Property,
  value: monaco.languages.CompletionItemKind.Value,
  arn: monaco.languages.CompletionItemKind.Reference,
  account: monaco.languages.CompletionItemKind.Reference,
};

const SEVERITIES: Readonly<Record<MarkerLevel, number>> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
  hint: monaco.MarkerSeverity.Hint,
};

function rangeOf(model: Model, start: number, end: number) {
  const a = model.getPositionAt(start);
  const b = model.getPositionAt(end);
  return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
}

function applySchemas(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: POLICY_KINDS.map((kind) => ({
      uri: `inmemory://iam-playground/schemas/${kind}.${lang}.json`,
      fileMatch: [policyModelPattern(kind)],
      schema: policySchema(kind, DOCS[lang]),
    })),
  });
}

function setMarkers(model: Model, findings: readonly EditorFinding[]): void {
  const text = model.getValue();
  monaco.editor.setModelMarkers(
    model,
    OWNER,
    markerSpecs(findings, lang, text.length).map((m) => {
      const r = rangeOf(model, m.start, m.end);
      return {
        severity: SEVERITIES[m.level],
        message: m.message,
        code: m.code,
        source: 'IAM Access Analyzer',
        startLineNumber: r.startLineNumber,
        startColumn: r.startColumn,
        endLineNumber: r.endLineNumber,
        endColumn: r.endColumn,
      };
    }),
  );
}

/** Shows the engine's findings on a policy model; they must be the findings of the model's current text. */
export function showFindings(model: Model, findings: readonly EditorFinding[]): void {
  findingsByModel.set(model.uri.toString(), { findings, version: model.getVersionId() });
  setMarkers(model, findings);
}

/** Forgets a model's findings (it is being disposed or its text was replaced). */
export function clearFindings(model: Model): void {
  findingsByModel.delete(model.uri.toString());
  monaco.editor.setModelMarkers(model, OWNER, []);
}

/** Switches the schemas' descriptions and every marker to the UI language. */
export function setPolicyLanguage(next: Lang): void {
  if (registered && next === lang) return;
  lang = next;
  applySchemas();
  for (const model of monaco.editor.getModels()) {
    const shown = findingsByModel.get(model.uri.toString());
    // Markers of an older text are left to move with the edits; the next validation replaces them.
    if (shown && shown.version === model.getVersionId()) setMarkers(model, shown.findings);
  }
}

function registerProviders(): void {
  // The engine's markers replace the JSON language's (English-only, and a second message
  // for the same fault), and our hovers replace its schema hovers; its completion of element
  // names and values from the schema, and its formatter, stay.
  jsonDefaults.setModeConfiguration({ ...jsonDefaults.modeConfiguration, diagnostics: false, hovers: false });

  monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: ['"', ':'],
    async provideCompletionItems(model, position, _context, token) {
      if (policyKindOfModel(model.uri) === undefined) return undefined;
      const text = model.getValue();
      const request = completionRequest(text, model.getOffsetAt(position));
      if (request === undefined) return undefined;
      const sources = await loadCompletionSources(editorCatalogue(), request, text, worldNames(useAppStore.getState().world));
      if (token.isCancellationRequested) return undefined;
      const range = rangeOf(model, request.range.start, request.range.end);
      return {
        suggestions: completionItems(request, sources, DOCS[lang]).map((item) => ({
          label: item.label,
          kind: ITEM_KINDS[item.kind],
          insertText: item.insertText,
          insertTextRules: item.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          range,
          detail: item.detail,
          documentation: item.documentation === undefined ? undefined : { value: item.documentation },
          sortText: item.sortText,
          // The typed text with quotes, so Monaco's filter matches whether or not a quote was typed.
          filterText: request.quoted ? item.label : `"${item.label}`,
          command: item.retrigger ? { id: 'editor.action.triggerSuggest', title: '' } : undefined,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider('json', {
    async provideHover(model, position, token) {
      if (policyKindOfModel(model.uri) === undefined) return undefined;
      const hover = hoverAt(model.getValue(), model.getOffsetAt(position));
      if (hover === undefined) return undefined;
      const sources = await loadHoverSources(editorCatalogue(), hover.target, worldNames(useAppStore.getState().world));
      if (token.isCancellationRequested) return undefined;
      const value = hoverText(hover.target, sources, DOCS[lang]);
      return value === undefined ? undefined : { range: rangeOf(model, hover.span.start, hover.span.end), contents: [{ value }] };
    },
  });

  monaco.languages.registerCodeActionProvider(
    'json',
    {
      provideCodeActions(model, _range, context) {
        if (policyKindOfModel(model.uri) === undefined) return undefined;
        const shown = findingsByModel.get(model.uri.toString());
        // A fix's offsets are those of the validated text: none is offered for a text typed since.
        const findings = shown && shown.version === model.getVersionId() ? shown.findings : [];
        const actions = context.markers.flatMap((marker) => {
          const finding = findings.find((f) => {
            if (f.code !== marker.code || f.fixes === undefined) return false;
            const start = model.getPositionAt(f.span.start);
            return start.lineNumber === marker.startLineNumber && start.column === marker.startColumn;
          });
          return (finding?.fixes ?? []).map((fix) => ({
            title: fixTitle(lang, fix),
            kind: 'quickfix',
            diagnostics: [marker],
            isPreferred: true,
            edit: {
              edits: fix.edits.map((e) => ({
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: rangeOf(model, e.start, e.end), text: e.text },
              })),
            },
          }));
        });
        return { actions, dispose: () => undefined };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );
}

/** Registers the policy language once (call before the first policy model is created). */
export function setupPolicyLanguage(initial: Lang): void {
  if (!registered) {
    registerProviders();
    registered = true;
    lang = initial;
    applySchemas();
    return;
  }
  setPolicyLanguage(initial);
}
