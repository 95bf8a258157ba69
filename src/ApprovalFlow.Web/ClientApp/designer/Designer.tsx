// The workflow designer: toolbox, canvas (React Flow), property panel, validation from the server on the
// activities concerned, save as draft, publish, version history with differences, revert, import and export.

import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ActivityNodeView, DescriptorContext } from "./ActivityNode";
import { api, type ActionAnswer } from "./api";
import { History, type Snapshot } from "./history";
import { autoLayout } from "./layout";
import { InPort, edgeId, edgeLabel, minimapColor, newActivity, randomId, toDefinition, toEdges, toNodes, type ActivityFlowNode, type ConnectionEdge } from "./model";
import { PropertyPanel } from "./PropertyPanel";
import { Toolbox, dragType } from "./Toolbox";
import type { DefinitionSummary, DesignerBoot, ElsaActivity, ElsaDefinition, Problem } from "./types";
import { t } from "./text";
import { VersionsPanel } from "./VersionsPanel";

const nodeTypes = { activity: ActivityNodeView };

export function Designer({ boot }: { boot: DesignerBoot }) {
  return (
    <ReactFlowProvider>
      <DesignerCanvas boot={boot} />
    </ReactFlowProvider>
  );
}

type Status = { kind: "info" | "success" | "danger"; text: string } | null;

function DesignerCanvas({ boot }: { boot: DesignerBoot }) {
  const descriptors = useMemo(() => new Map(boot.descriptors.map((d) => [d.typeName, d])), [boot.descriptors]);
  const [definition, setDefinition] = useState<ElsaDefinition>(boot.definition);
  const [summary, setSummary] = useState<DefinitionSummary>(boot.summary);
  const [nodes, setNodes] = useState<ActivityFlowNode[]>(() => toNodes(boot.definition));
  const [edges, setEdges] = useState<ConnectionEdge[]>(() => toEdges(boot.definition));
  const [problems, setProblems] = useState<Problem[]>(boot.problems);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const [, setHistoryTick] = useState(0);
  const history = useRef(new History());
  const clipboard = useRef<Snapshot | null>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const flow = useReactFlow<ActivityFlowNode, ConnectionEdge>();

  const current = useCallback((): Snapshot => ({ nodes, edges }), [nodes, edges]);
  const record = useCallback(() => {
    history.current.record(current());
    setHistoryTick((n) => n + 1);
    setDirty(true);
  }, [current]);
  const restore = (snapshot: Snapshot | null) => {
    if (!snapshot) return;
    setNodes(snapshot.nodes);
    setEdges(snapshot.edges);
    setDirty(true);
    setHistoryTick((n) => n + 1);
  };
  const undo = () => restore(history.current.undo(current()));
  const redo = () => restore(history.current.redo(current()));

  const graphJson = useCallback(() => JSON.stringify(toDefinition(definition, nodes, edges)), [definition, nodes, edges]);

  // The server validates as the graph changes, so problems show on the activities before any save or publish.
  useEffect(() => {
    if (!dirty) return;
    const timer = window.setTimeout(async () => {
      try {
        const answer = await api.validate(graphJson());
        if (!answer.result.error) setProblems(answer.result.problems);
      } catch {
        // A failed background check is retried with the next change; save and publish check again anyway.
      }
    }, 500);
    return () => window.clearTimeout(timer);
  }, [dirty, graphJson]);

  const problemsByActivity = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of problems) if (p.activityId) map.set(p.activityId, [...(map.get(p.activityId) ?? []), p.message]);
    return map;
  }, [problems]);
  const shownNodes = useMemo(
    () => nodes.map((n) => (sameList(n.data.problems, problemsByActivity.get(n.id)) ? n : { ...n, data: { ...n.data, problems: problemsByActivity.get(n.id) ?? [] } })),
    [nodes, problemsByActivity],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityFlowNode>[]) => {
      // Selection and measuring are not edits; a drag is recorded once, when it starts.
      if (changes.some((c) => c.type === "remove" || (c.type === "position" && c.dragging && !nodes.find((n) => n.id === c.id)?.dragging))) record();
      if (changes.some((c) => c.type === "position")) setDirty(true);
      setNodes((ns) => applyNodeChanges(changes, ns));
    },
    [nodes, record],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectionEdge>[]) => {
      if (changes.some((c) => c.type === "remove")) record();
      setEdges((es) => applyEdgeChanges(changes, es));
    },
    [record],
  );
  const onConnect = useCallback(
    (connection: Connection) => {
      if (connection.source === connection.target) return;
      record();
      const port = connection.sourceHandle ?? "Done";
      setEdges((es) =>
        addEdge(
          { ...connection, targetHandle: InPort, id: edgeId(connection.source, port, connection.target), label: edgeLabel(port), data: { connection: {} } },
          // One arrow per outcome: connecting a port again moves its arrow.
          es.filter((e) => !(e.source === connection.source && e.sourceHandle === port)),
        ),
      );
    },
    [record],
  );

  const addActivity = (typeName: string, position: { x: number; y: number }) => {
    const descriptor = descriptors.get(typeName);
    if (!descriptor) return;
    record();
    const activity = newActivity(descriptor, nodes.map((n) => n.data.activity), position);
    setNodes((ns) => [...ns.map((n) => ({ ...n, selected: false })), { id: activity.id, type: "activity", position, data: { activity, problems: [] }, selected: true }]);
  };

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    const typeName = event.dataTransfer.getData(dragType);
    if (typeName) addActivity(typeName, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  const selected = nodes.filter((n) => n.selected);
  const updateActivity = (activity: ElsaActivity) => {
    record();
    setNodes((ns) => ns.map((n) => (n.id === activity.id ? { ...n, data: { ...n.data, activity } } : n)));
  };
  const deleteSelected = () => {
    const ids = new Set(selected.map((n) => n.id));
    if (ids.size === 0) return;
    record();
    setNodes((ns) => ns.filter((n) => !ids.has(n.id)));
    setEdges((es) => es.filter((e) => !ids.has(e.source) && !ids.has(e.target)));
  };

  const copy = () => {
    const ids = new Set(selected.map((n) => n.id));
    if (ids.size === 0) return;
    clipboard.current = { nodes: selected, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
    setStatus({ kind: "info", text: t("Copied", ids.size) });
  };
  const paste = () => {
    const copied = clipboard.current;
    if (!copied) return;
    record();
    const ids = new Map(copied.nodes.map((n) => [n.id, randomId()]));
    const existing = nodes.map((n) => n.data.activity);
    const pasted = copied.nodes.map((n) => {
      const descriptor = descriptors.get(n.data.activity.type);
      const fresh = descriptor ? newActivity(descriptor, existing, n.position) : null;
      const activity: ElsaActivity = { ...structuredClone(n.data.activity), id: ids.get(n.id)!, name: fresh?.name ?? n.data.activity.name };
      delete activity.nodeId;
      existing.push(activity);
      return { ...n, id: activity.id, position: { x: n.position.x + 40, y: n.position.y + 40 }, selected: true, data: { activity, problems: [] } };
    });
    const pastedEdges = copied.edges.map((e) => {
      const source = ids.get(e.source)!;
      const target = ids.get(e.target)!;
      return { ...e, id: edgeId(source, e.sourceHandle ?? "Done", target), source, target, selected: false, data: { connection: {} } };
    });
    setNodes((ns) => [...ns.map((n) => ({ ...n, selected: false })), ...pasted]);
    setEdges((es) => [...es, ...pastedEdges]);
  };

  const layout = () => {
    record();
    setNodes((ns) => autoLayout(ns, edges));
    window.setTimeout(() => flow.fitView({ padding: 0.15, maxZoom: 1 }), 50);
  };

  // Keyboard: undo, redo, copy, paste (Delete and Backspace remove the selection through React Flow).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, select, .cm-editor")) return;
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) undo();
      else if (key === "y" || (key === "z" && e.shiftKey)) redo();
      else if (key === "c") copy();
      else if (key === "v") paste();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const apply = (answer: ActionAnswer, success: string) => {
    setProblems(answer.result.problems);
    if (answer.summary) setSummary(answer.summary);
    setStatus(answer.result.error ? { kind: "danger", text: answer.result.error } : { kind: answer.result.problems.length > 0 ? "info" : "success", text: success });
  };

  const save = async (): Promise<number | null> => {
    const answer = await api.save(graphJson());
    if (answer.result.error || answer.result.version === null) {
      apply(answer, "");
      return null;
    }
    setDefinition((d) => ({ ...d, version: answer.result.version!, id: `${d.definitionId}-v${answer.result.version}`, isLatest: true, isPublished: false }));
    setDirty(false);
    apply(answer, answer.result.problems.length > 0 ? t("SavedWithProblems", answer.result.version, answer.result.problems.length) : t("Saved", answer.result.version));
    return answer.result.version;
  };

  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    setStatus(null);
    try {
      await action();
    } catch (e) {
      setStatus({ kind: "danger", text: t("Failed", String(e)) });
    } finally {
      setBusy(false);
    }
  };

  const onSave = run(async () => {
    await save();
  });
  const onPublish = run(async () => {
    const version = dirty || !definition.isLatest ? await save() : definition.version;
    if (version === null) return;
    const answer = await api.publish(version);
    if (!answer.result.error) setDefinition((d) => ({ ...d, isPublished: true }));
    apply(answer, t("PublishedVersion", version));
  });
  const onValidate = run(async () => {
    const answer = await api.validate(graphJson());
    apply(answer, answer.result.problems.length === 0 ? t("Valid") : t("ProblemCount", answer.result.problems.length));
  });
  const reload = async (version: number) => {
    const fresh = (await api.version(version)) as ElsaDefinition;
    setDefinition(fresh);
    setNodes(toNodes(fresh));
    setEdges(toEdges(fresh));
    history.current = new History();
    setDirty(false);
  };
  const onRevert = (version: number) =>
    run(async () => {
      if (dirty && !window.confirm(t("DiscardChanges"))) return;
      const answer = await api.revert(version);
      if (answer.result.version !== null) await reload(answer.result.version);
      apply(answer, t("Reverted", version, answer.result.version ?? ""));
    })();
  const onImport = (file: File) =>
    run(async () => {
      const answer = await api.importFile(await file.text());
      if (answer.result.error || !answer.result.definitionId) {
        apply(answer, "");
        return;
      }
      window.location.assign(`/admin/workflows/${encodeURIComponent(answer.result.definitionId)}`);
    })();

  const selectedNode = selected.length === 1 ? selected[0] : null;
  const generalProblems = problems.filter((p) => !p.activityId || !nodes.some((n) => n.id === p.activityId));
  const variables = (definition.variables ?? []).map((v) => v.name);

  return (
    <DescriptorContext.Provider value={{ descriptors, language: boot.language }}>
      <div className="af-designer">
        <div className="af-toolbar btn-toolbar gap-2 mb-2" role="toolbar" aria-label={t("Toolbar")}>
          <div className="btn-group btn-group-sm">
            <button type="button" className="btn btn-outline-secondary" onClick={undo} disabled={!history.current.canUndo} data-testid="undo">
              {t("Undo")}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={redo} disabled={!history.current.canRedo} data-testid="redo">
              {t("Redo")}
            </button>
          </div>
          <div className="btn-group btn-group-sm">
            <button type="button" className="btn btn-outline-secondary" onClick={copy} disabled={selected.length === 0} data-testid="copy">
              {t("Copy")}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={paste} data-testid="paste">
              {t("Paste")}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={deleteSelected} disabled={selected.length === 0} data-testid="delete">
              {t("Delete")}
            </button>
          </div>
          <button type="button" className="btn btn-sm btn-outline-secondary" onClick={layout} data-testid="auto-layout">
            {t("AutoLayout")}
          </button>
          <button type="button" className="btn btn-sm btn-outline-secondary" onClick={onValidate} disabled={busy} data-testid="validate">
            {t("Validate")}
          </button>
          <button type="button" className="btn btn-sm btn-primary" onClick={onSave} disabled={busy} data-testid="save">
            {t("SaveDraft")}
          </button>
          <button type="button" className="btn btn-sm btn-success" onClick={onPublish} disabled={busy} data-testid="publish">
            {t("Publish")}
          </button>
          <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => setShowVersions((v) => !v)} data-testid="toggle-versions">
            {t("Versions")}
          </button>
          <a className="btn btn-sm btn-outline-secondary" href={api.exportUrl(definition.version)} data-testid="export">
            {t("Export")}
          </a>
          <label className="btn btn-sm btn-outline-secondary mb-0">
            {t("Import")}
            <input
              type="file"
              accept=".json,application/json"
              hidden
              data-testid="import-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) onImport(file);
                e.target.value = "";
              }}
            />
          </label>
          <span className="ms-auto small align-self-center" data-testid="version-state">
            v{definition.version} · {definition.isPublished ? t("Published") : t("Draft")}
            {dirty ? ` · ${t("Unsaved")}` : ""}
          </span>
        </div>
        {status && (
          <div className={`alert alert-${status.kind} py-1 px-2 small mb-2`} role="status" data-testid="designer-status">
            {status.text}
          </div>
        )}
        {generalProblems.length > 0 && (
          <ul className="alert alert-warning py-1 small mb-2 ps-4" data-testid="general-problems">
            {generalProblems.map((p, i) => (
              <li key={i} data-testid="problem">
                {p.message}
              </li>
            ))}
          </ul>
        )}
        {showVersions && <VersionsPanel summary={summary} language={boot.language} onRevert={onRevert} />}
        <div className="af-workspace">
          <Toolbox descriptors={boot.descriptors} language={boot.language} onAdd={(d) => addActivity(d.typeName, flow.screenToFlowPosition(centreOf(canvas.current)))} />
          <div className="af-canvas" ref={canvas} onDragOver={(e) => (e.preventDefault(), (e.dataTransfer.dropEffect = "move"))} onDrop={onDrop} data-testid="canvas">
            <ReactFlow
              nodes={shownNodes}
              edges={edges}
              nodeTypes={nodeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              deleteKeyCode={["Delete", "Backspace"]}
              // An empty canvas starts at 100 %; a drawn one is fitted to the window, never enlarged past 100 %.
              fitView={boot.definition.root.activities.length > 0}
              fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
              defaultEdgeOptions={{ type: "smoothstep" }}
              minZoom={0.1}
            >
              <Background />
              <Controls />
              <MiniMap pannable zoomable nodeColor={minimapColor} />
            </ReactFlow>
          </div>
          <div className="af-side">
            {selectedNode ? (
              <PropertyPanel
                activity={selectedNode.data.activity}
                descriptor={descriptors.get(selectedNode.data.activity.type)}
                language={boot.language}
                roles={boot.roles}
                agencies={boot.agencies}
                variables={variables}
                problems={problemsByActivity.get(selectedNode.id) ?? []}
                onChange={updateActivity}
                onDelete={deleteSelected}
              />
            ) : (
              <p className="small text-body-secondary">{selected.length > 1 ? t("SeveralSelected", selected.length) : t("SelectHint")}</p>
            )}
          </div>
        </div>
      </div>
    </DescriptorContext.Provider>
  );
}

function sameList(a: string[], b: string[] | undefined): boolean {
  const other = b ?? [];
  return a.length === other.length && a.every((x, i) => x === other[i]);
}

function centreOf(element: HTMLElement | null): { x: number; y: number } {
  const box = element?.getBoundingClientRect();
  return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: 200, y: 200 };
}
