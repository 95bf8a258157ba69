// Elsa 3 JSON <-> React Flow. A node keeps the whole activity object it came from, so that whatever the designer
// does not edit (customProperties, nodeId, older exports' memoryReference, …) goes back to the server unchanged.

import type { Edge, Node } from "@xyflow/react";
import type { ActivityDescriptor, ElsaActivity, ElsaConnection, ElsaDefinition } from "./types";

export interface ActivityData extends Record<string, unknown> {
  activity: ElsaActivity;
  problems: string[];
  state?: "visited" | "current";
}

export interface ConnectionData extends Record<string, unknown> {
  /** The connection object as read (vertices and the like), rewritten with the edge's ends on export. */
  connection: Partial<ElsaConnection>;
}

export type ActivityFlowNode = Node<ActivityData, "activity">;
export type ConnectionEdge = Edge<ConnectionData>;

export const InPort = "In";

export function toNodes(definition: ElsaDefinition): ActivityFlowNode[] {
  return definition.root.activities.map((activity, index) => ({
    id: activity.id,
    type: "activity",
    position: activity.metadata?.designer?.position ?? { x: (index % 4) * 260, y: Math.floor(index / 4) * 140 },
    data: { activity, problems: [] },
  }));
}

export function toEdges(definition: ElsaDefinition): ConnectionEdge[] {
  return definition.root.connections.map((connection) => ({
    id: edgeId(connection.source.activity, connection.source.port, connection.target.activity),
    source: connection.source.activity,
    sourceHandle: connection.source.port,
    target: connection.target.activity,
    targetHandle: InPort,
    label: edgeLabel(connection.source.port),
    data: { connection },
  }));
}

export const edgeId = (source: string, port: string, target: string) => `${source}:${port}->${target}`;

/** Arrows are labelled with the outcome that takes them; "Done", the only way out of most activities, goes without saying. */
export const edgeLabel = (port: string) => (port === "Done" ? undefined : port);

/** The minimap's colour of a box: the instance viewer's states, problems in red. */
export function minimapColor(node: ActivityFlowNode): string {
  if (node.data.state === "current") return "#f9a825";
  if (node.data.state === "visited") return "#66bb6a";
  return node.data.problems.length > 0 ? "#dc3545" : "#adb5bd";
}

/** The definition with the canvas's activities, positions and connections. */
export function toDefinition(base: ElsaDefinition, nodes: ActivityFlowNode[], edges: ConnectionEdge[]): ElsaDefinition {
  const activities = nodes.map((node) => {
    const activity = structuredClone(node.data.activity);
    const metadata = activity.metadata ?? {};
    const designer = metadata.designer ?? {};
    // A box that did not move keeps its position exactly: an import followed by an export changes nothing.
    const old = designer.position;
    const position = old && old.x === node.position.x && old.y === node.position.y ? old : { x: node.position.x, y: node.position.y };
    activity.metadata = { ...metadata, designer: { ...designer, position } };
    return activity;
  });
  const connections = edges.map((edge) => ({
    ...(edge.data?.connection ?? {}),
    source: { activity: edge.source, port: edge.sourceHandle ?? "Done" },
    target: { activity: edge.target, port: InPort },
  }));
  return { ...base, root: { ...base.root, activities, connections } };
}

/** The ports an activity may leave by: its type's outcomes and those its list input names (a task's outcomes, a switch's cases). */
export function portsOf(activity: ElsaActivity, descriptor: ActivityDescriptor | undefined): string[] {
  if (!descriptor) return ["Done"];
  const ports = [...descriptor.outcomes];
  if (descriptor.portsFromInput) {
    const value = literalOf(activity, descriptor.portsFromInput);
    const items = Array.isArray(value) ? value : typeof value === "string" ? safeParseArray(value) : [];
    for (const item of items) {
      const label = typeof item === "string" ? item : item && typeof item === "object" && "label" in item ? String((item as { label: unknown }).label) : null;
      if (label && !ports.includes(label)) ports.push(label);
    }
  }
  return ports;
}

function safeParseArray(text: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** An input's literal value, or undefined when it is unset or an expression. */
export function literalOf(activity: ElsaActivity, input: string): unknown {
  const value = activity[input] as { expression?: { type: string; value: unknown } } | undefined;
  return value?.expression?.type === "Literal" ? value.expression.value : undefined;
}

/** A fresh activity of a type, named like Elsa names them (Start1, HumanTask2, …). */
export function newActivity(descriptor: ActivityDescriptor, existing: ElsaActivity[], position: { x: number; y: number }): ElsaActivity {
  const shortName = descriptor.typeName.split(".").pop() ?? "Activity";
  let n = 1;
  while (existing.some((a) => a.name === `${shortName}${n}`)) n++;
  return {
    id: randomId(),
    name: `${shortName}${n}`,
    type: descriptor.typeName,
    version: 1,
    customProperties: { canStartWorkflow: false, runAsynchronously: false },
    metadata: { designer: { position } },
  };
}

export function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
