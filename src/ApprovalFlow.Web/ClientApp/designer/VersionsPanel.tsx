// Version history: every version with its state and the instances still on it; the differences between two
// versions; revert (an old version copied into a new draft) and export of any version.

import { useState } from "react";
import { api } from "./api";
import type { DefinitionChange, DefinitionSummary } from "./types";
import { t } from "./text";

interface Props {
  summary: DefinitionSummary;
  language: "vi" | "en";
  onRevert: (version: number) => void;
}

export function VersionsPanel({ summary, language, onRevert }: Props) {
  const versions = summary.versions;
  const [from, setFrom] = useState(versions[1]?.version ?? versions[0]?.version ?? 1);
  const [to, setTo] = useState(versions[0]?.version ?? 1);
  const [changes, setChanges] = useState<DefinitionChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dates = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "vi-VN", { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Ho_Chi_Minh" });

  const compare = async () => {
    setError(null);
    try {
      setChanges(await api.diff(from, to));
    } catch (e) {
      setError(String(e));
    }
  };

  return (
    <div className="af-versions" data-testid="versions-panel">
      <table className="table table-sm small align-middle">
        <thead>
          <tr>
            <th>{t("Version")}</th>
            <th>{t("Created")}</th>
            <th>{t("State")}</th>
            <th>{t("ActiveInstances")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} data-testid="version-row" data-version={v.version}>
              <td>v{v.version}</td>
              <td>{dates.format(new Date(v.createdAt))}</td>
              <td>
                {v.isPublished && <span className="badge text-bg-success me-1">{t("Published")}</span>}
                {v.isLatest && <span className="badge text-bg-primary me-1">{t("Latest")}</span>}
                {!v.isPublished && !v.isLatest && <span className="badge text-bg-light">{t("Retired")}</span>}
              </td>
              <td>{v.activeInstances}</td>
              <td className="text-nowrap">
                <a className="btn btn-sm btn-link p-0 me-2" href={api.exportUrl(v.version)} data-testid="export-version">
                  {t("Export")}
                </a>
                {!v.isLatest && (
                  <button type="button" className="btn btn-sm btn-link p-0" onClick={() => onRevert(v.version)} data-testid="revert">
                    {t("Revert")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="d-flex gap-2 align-items-center small mb-2">
        <label htmlFor="af-diff-from">{t("DiffFrom")}</label>
        <select id="af-diff-from" className="form-select form-select-sm w-auto" value={from} onChange={(e) => setFrom(Number(e.target.value))} data-testid="diff-from">
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              v{v.version}
            </option>
          ))}
        </select>
        <label htmlFor="af-diff-to">{t("DiffTo")}</label>
        <select id="af-diff-to" className="form-select form-select-sm w-auto" value={to} onChange={(e) => setTo(Number(e.target.value))} data-testid="diff-to">
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              v{v.version}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-sm btn-outline-primary" onClick={compare} data-testid="compare">
          {t("Compare")}
        </button>
      </div>
      {error && <div className="text-danger small">{error}</div>}
      {changes && (
        <table className="table table-sm small" data-testid="diff">
          <tbody>
            {changes.length === 0 && (
              <tr>
                <td>{t("NoDifference")}</td>
              </tr>
            )}
            {changes.map((c, i) => (
              <tr key={i} data-testid="change" data-kind={c.kind}>
                <td>{t(`Change.${c.kind}`)}</td>
                <td>{c.activityName ?? c.activityId ?? ""}</td>
                <td>{c.input ?? ""}</td>
                <td className="text-danger text-break">{c.before ?? ""}</td>
                <td className="text-success text-break">{c.after ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
