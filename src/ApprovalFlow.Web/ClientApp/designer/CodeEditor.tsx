// CodeMirror 6 for JavaScript and Liquid expressions: syntax colouring, brackets, undo of its own.

import { javascript } from "@codemirror/lang-javascript";
import { liquid } from "@codemirror/lang-liquid";
import { EditorView, basicSetup } from "codemirror";
import { useEffect, useRef } from "react";

interface Props {
  value: string;
  language: "JavaScript" | "Liquid";
  label: string;
  onChange: (value: string) => void;
}

export function CodeEditor({ value, language, label, onChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      doc: value,
      parent: host.current!,
      extensions: [
        basicSetup,
        language === "Liquid" ? liquid() : javascript(),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) changed.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is made once per language; later values come from its own typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div className="af-code" data-testid="code-editor" data-language={language} ref={host} />;
}
