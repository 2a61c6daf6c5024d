/**
 * A policy document in Monaco (lazy chunk). Read-only for now: the world is explored, not
 * yet edited. The statement that decided the last request is highlighted and scrolled to.
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type { Span } from '../../engine/policy/types';
import { monaco } from './monaco';

export interface PolicyEditorProps {
  readonly text: string;
  readonly ariaLabel: string;
  readonly highlight: Span | undefined;
}

type CodeEditor = Parameters<OnMount>[0];

export default function PolicyEditor({ text, ariaLabel, highlight }: PolicyEditorProps) {
  const editorRef = useRef<CodeEditor | null>(null);
  const decorations = useRef<ReturnType<CodeEditor['createDecorationsCollection']> | null>(null);

  const applyHighlight = (editor: CodeEditor, span: Span | undefined) => {
    decorations.current?.clear();
    const model = editor.getModel();
    if (!model || !span) return;
    const start = model.getPositionAt(span.start);
    const end = model.getPositionAt(span.end);
    const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
    decorations.current = editor.createDecorationsCollection([
      { range, options: { className: 'statement-highlight', isWholeLine: false, linesDecorationsClassName: 'statement-highlight-gutter', stickiness: 1 } },
    ]);
    editor.revealRangeInCenterIfOutsideViewport(range);
  };

  useEffect(() => {
    if (editorRef.current) applyHighlight(editorRef.current, highlight);
  }, [highlight, text]);

  return (
    <Editor
      language="json"
      value={text}
      theme="vs"
      loading={null}
      onMount={(editor) => {
        editorRef.current = editor;
        applyHighlight(editor, highlight);
      }}
      options={{
        readOnly: true,
        domReadOnly: false,
        ariaLabel,
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
      }}
    />
  );
}
