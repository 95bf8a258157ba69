// Auto-layout with dagre: left to right, as the flow reads; edges weigh the same so that loops back stay short.

import dagre from "@dagrejs/dagre";
import type { ActivityFlowNode, ConnectionEdge } from "./model";

const fallbackSize = { width: 220, height: 90 };

export function autoLayout(nodes: ActivityFlowNode[], edges: ConnectionEdge[]): ActivityFlowNode[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 80 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, { width: node.measured?.width ?? fallbackSize.width, height: node.measured?.height ?? fallbackSize.height });
  }
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    const width = node.measured?.width ?? fallbackSize.width;
    const height = node.measured?.height ?? fallbackSize.height;
    // dagre gives centres; React Flow places nodes by their top-left corner.
    return { ...node, position: { x: Math.round(placed.x - width / 2), y: Math.round(placed.y - height / 2) } };
  });
}
