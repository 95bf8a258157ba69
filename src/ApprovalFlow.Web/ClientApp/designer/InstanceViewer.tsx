// The flowchart of the version an instance runs on, read-only: the activities it went through and the arrows it
// took are marked, and where it waits now (or faulted) stands out.

import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { useMemo } from "react";
import { ActivityNodeView, DescriptorContext } from "./ActivityNode";
import { edgeId, minimapColor, toEdges, toNodes } from "./model";
import type { ViewerBoot } from "./types";

const nodeTypes = { activity: ActivityNodeView };

export function InstanceViewer({ boot }: { boot: ViewerBoot }) {
  const descriptors = useMemo(() => new Map(boot.descriptors.map((d) => [d.typeName, d])), [boot.descriptors]);
  const nodes = useMemo(() => {
    const visited = new Set(boot.visited);
    const current = new Set(boot.current);
    return toNodes(boot.definition).map((n) => ({
      ...n,
      draggable: false,
      connectable: false,
      data: { ...n.data, state: current.has(n.id) ? ("current" as const) : visited.has(n.id) ? ("visited" as const) : undefined },
    }));
  }, [boot]);
  const edges = useMemo(() => {
    const taken = new Set(boot.taken.map((c) => edgeId(c.source, c.port, c.target)));
    return toEdges(boot.definition).map((e) => (taken.has(e.id) ? { ...e, animated: true, className: "af-taken", data: e.data } : e));
  }, [boot]);

  return (
    <DescriptorContext.Provider value={{ descriptors, language: boot.language }}>
      <ReactFlowProvider>
        <div className="af-canvas af-viewer" data-testid="instance-flowchart">
          <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} fitView fitViewOptions={{ padding: 0.15, maxZoom: 1 }} minZoom={0.1} defaultEdgeOptions={{ type: "smoothstep" }}>
            <Background />
            <Controls showInteractive={false} />
            <MiniMap pannable zoomable nodeColor={minimapColor} />
          </ReactFlow>
        </div>
      </ReactFlowProvider>
    </DescriptorContext.Provider>
  );
}
