// The selected activity's inputs, each with the editor its descriptor's UI hint asks for and the descriptor's help
// text. Every input may also be an expression: JavaScript or Liquid, in a code editor.

import { useState } from "react";
import { CodeEditor } from "./CodeEditor";
import type { ActivityDescriptor, Choice, ElsaActivity, InputDescriptor, InputValue } from "./types";
import { t } from "./text";

interface Props {
  activity: ElsaActivity;
  descriptor: ActivityDescriptor | undefined;
  language: "vi" | "en";
  roles: Choice[];
  agencies: Choice[];
  variables: string[];
  problems: string[];
  onChange: (activity: ElsaActivity) => void;
  onDelete: () => void;
}

const syntaxes = ["Literal", "JavaScript", "Liquid"] as const;

export function PropertyPanel({ activity, descriptor, language, roles, agencies, variables, problems, onChange, onDelete }: Props) {
  const setInput = (input: InputDescriptor, value: InputValue | undefined) => {
    const next = { ...activity };
    if (value === undefined) delete next[input.name];
    else next[input.name] = value;
    onChange(next);
  };

  return (
    <div className="af-panel" data-testid="property-panel">
      <div className="d-flex justify-content-between align-items-start mb-2">
        <div>
          <div className="fw-semibold">{descriptor ? descriptor.displayName[language] : activity.type}</div>
          <div className="small text-body-secondary">{activity.type}</div>
        </div>
        <button type="button" className="btn btn-sm btn-outline-danger" onClick={onDelete} data-testid="delete-activity">
          {t("Delete")}
        </button>
      </div>
      {descriptor?.description && <p className="small text-body-secondary">{descriptor.description[language]}</p>}
      {problems.length > 0 && (
        <ul className="af-problems small text-danger ps-3" data-testid="panel-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <label className="form-label small mb-1" htmlFor="af-name">
        {t("Name")}
      </label>
      <input id="af-name" className="form-control form-control-sm mb-3" value={activity.name ?? ""} onChange={(e) => onChange({ ...activity, name: e.target.value })} data-testid="input-name" />
      {(descriptor?.inputs ?? []).map((input) => (
        <InputEditor
          key={`${activity.id}:${input.name}`}
          input={input}
          value={activity[input.name] as InputValue | undefined}
          language={language}
          roles={roles}
          agencies={agencies}
          variables={variables}
          onChange={(value) => setInput(input, value)}
        />
      ))}
    </div>
  );
}

interface EditorProps {
  input: InputDescriptor;
  value: InputValue | undefined;
  language: "vi" | "en";
  roles: Choice[];
  agencies: Choice[];
  variables: string[];
  onChange: (value: InputValue | undefined) => void;
}

function InputEditor({ input, value, language, roles, agencies, variables, onChange }: EditorProps) {
  const syntax = value?.expression?.type ?? "Literal";
  const id = `af-input-${input.name}`;
  const literal = value?.expression?.type === "Literal" ? value.expression.value : undefined;
  const setLiteral = (next: unknown) =>
    onChange(next === undefined || next === "" ? undefined : { ...(value ?? {}), typeName: value?.typeName ?? input.typeName, expression: { type: "Literal", value: next } });
  const setScript = (type: string, text: string) => onChange({ ...(value ?? {}), typeName: value?.typeName ?? input.typeName, expression: { type, value: text } });
  const codeLanguage = input.displayName.en.includes("Liquid") ? "Liquid" : "JavaScript";

  return (
    <div className="mb-3" data-testid={`input-${input.name}`}>
      <div className="d-flex justify-content-between align-items-center">
        <label className="form-label small mb-1" htmlFor={id}>
          {input.displayName[language]}
          {input.required && <span className="text-danger"> *</span>}
        </label>
        <select
          className="form-select form-select-sm af-syntax"
          aria-label={t("Syntax", input.displayName[language])}
          value={syntax}
          data-testid="syntax"
          onChange={(e) => {
            const type = e.target.value;
            if (type === "Literal") setLiteral(undefined);
            else setScript(type, typeof literal === "string" ? literal : literal === undefined ? "" : JSON.stringify(literal));
          }}
        >
          {syntaxes.map((s) => (
            <option key={s} value={s}>
              {t(`Syntax.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {syntax === "JavaScript" || syntax === "Liquid" ? (
        <CodeEditor value={String(value?.expression?.value ?? "")} language={syntax} label={input.displayName[language]} onChange={(text) => setScript(syntax, text)} />
      ) : syntax !== "Literal" ? (
        <input id={id} className="form-control form-control-sm" value={String(value?.expression?.value ?? "")} onChange={(e) => setScript(syntax, e.target.value)} />
      ) : (
        <LiteralEditor id={id} input={input} value={literal} roles={roles} agencies={agencies} variables={variables} codeLanguage={codeLanguage} language={language} onChange={setLiteral} />
      )}
      {input.description && <div className="form-text">{input.description[language]}</div>}
    </div>
  );
}

interface LiteralProps {
  id: string;
  input: InputDescriptor;
  value: unknown;
  roles: Choice[];
  agencies: Choice[];
  variables: string[];
  codeLanguage: "JavaScript" | "Liquid";
  language: "vi" | "en";
  onChange: (value: unknown) => void;
}

function LiteralEditor({ id, input, value, roles, agencies, variables, codeLanguage, language, onChange }: LiteralProps) {
  const text = value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  const placeholder = input.defaultValue === null || input.defaultValue === undefined ? "" : t("Default", String(input.defaultValue));
  switch (input.uiHint) {
    case "checkbox":
      return (
        <div className="form-check">
          <input id={id} type="checkbox" className="form-check-input" checked={value === undefined ? input.defaultValue === true : value === true} onChange={(e) => onChange(e.target.checked)} />
        </div>
      );
    case "number":
    case "business-days":
      return (
        <div className="input-group input-group-sm">
          <input id={id} type="number" min={0} className="form-control" value={text} placeholder={placeholder} onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))} />
          {input.uiHint === "business-days" && <span className="input-group-text">{t("BusinessDays")}</span>}
        </div>
      );
    case "role-picker":
      return <Picker id={id} choices={roles} value={text} placeholder={placeholder} onChange={onChange} />;
    case "agency-picker":
      return <Picker id={id} choices={agencies} value={text} placeholder={placeholder} onChange={onChange} />;
    case "variable-picker":
      return <Picker id={id} choices={variables.map((v) => ({ value: v, label: v }))} value={text} placeholder={placeholder} onChange={onChange} />;
    case "outcome-list":
      return <OutcomeList id={id} value={Array.isArray(value) ? value.map(String) : []} onChange={(list) => onChange(list)} />;
    case "multiline":
    case "json":
      return <JsonOrText id={id} json={input.uiHint === "json"} text={text} onChange={onChange} />;
    case "code":
      return <CodeEditor value={text} language={codeLanguage} label={input.displayName[language]} onChange={(next) => onChange(next === "" ? undefined : next)} />;
    case "duration":
      return <input id={id} className="form-control form-control-sm" value={text} placeholder={t("DurationFormat")} onChange={(e) => onChange(e.target.value)} />;
    default:
      return <input id={id} className="form-control form-control-sm" value={text} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />;
  }
}

function Picker({ id, choices, value, placeholder, onChange }: { id: string; choices: Choice[]; value: string; placeholder: string; onChange: (value: unknown) => void }) {
  return (
    <select id={id} className="form-select form-select-sm" value={value} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}>
      <option value="">{placeholder || "—"}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
      {value !== "" && !choices.some((c) => c.value === value) && <option value={value}>{value}</option>}
    </select>
  );
}

function OutcomeList({ id, value, onChange }: { id: string; value: string[]; onChange: (value: string[]) => void }) {
  const [draft, setDraft] = useState("");
  const add = () => {
    const name = draft.trim();
    if (name && !value.includes(name)) onChange([...value, name]);
    setDraft("");
  };
  return (
    <div className="af-outcomes">
      <div className="d-flex flex-wrap gap-1 mb-1">
        {value.map((outcome) => (
          <span key={outcome} className="badge text-bg-secondary" data-testid="outcome">
            {outcome}{" "}
            <button type="button" className="btn-close btn-close-white af-chip-close" aria-label={t("RemoveOutcome", outcome)} onClick={() => onChange(value.filter((o) => o !== outcome))} />
          </span>
        ))}
      </div>
      <div className="input-group input-group-sm">
        <input
          id={id}
          className="form-control"
          value={draft}
          placeholder={t("NewOutcome")}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="btn btn-outline-secondary" onClick={add}>
          {t("Add")}
        </button>
      </div>
    </div>
  );
}

function JsonOrText({ id, json, text, onChange }: { id: string; json: boolean; text: string; onChange: (value: unknown) => void }) {
  const [draft, setDraft] = useState(text);
  const [invalid, setInvalid] = useState(false);
  return (
    <textarea
      id={id}
      className={`form-control form-control-sm font-monospace${invalid ? " is-invalid" : ""}`}
      rows={json ? 5 : 3}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        if (!json) onChange(e.target.value);
      }}
      onBlur={() => {
        if (!json) return;
        try {
          onChange(draft.trim() === "" ? undefined : JSON.parse(draft));
          setInvalid(false);
        } catch {
          setInvalid(true);
        }
      }}
    />
  );
}
