// A box on the canvas: the activity's name and type, its In port on the left and one port per outcome on the right,
// with the server's problems for it shown on the box.

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { createContext, useContext } from "react";
import { InPort, portsOf, type ActivityFlowNode } from "./model";
import type { ActivityDescriptor } from "./types";

export interface NodeContext {
  descriptors: Map<string, ActivityDescriptor>;
  language: "vi" | "en";
}

export const DescriptorContext = createContext<NodeContext>({ descriptors: new Map(), language: "vi" });

export function ActivityNodeView({ id, data, selected, positionAbsoluteX, positionAbsoluteY }: NodeProps<ActivityFlowNode>) {
  const { descriptors, language } = useContext(DescriptorContext);
  const activity = data.activity;
  const descriptor = descriptors.get(activity.type);
  const ports = portsOf(activity, descriptor);
  const classes = ["af-node", selected ? "selected" : "", data.problems.length > 0 ? "has-problem" : "", data.state ?? ""].filter(Boolean).join(" ");
  return (
    <div
      className={classes}
      data-testid="activity-node"
      data-activity-id={id}
      data-activity-name={activity.name ?? ""}
      data-activity-type={activity.type}
      data-x={positionAbsoluteX}
      data-y={positionAbsoluteY}
      data-state={data.state ?? ""}
      title={data.problems.join("\n") || undefined}
    >
      {/* Nothing leads into the start. */}
      {activity.type !== "Elsa.Start" && <Handle type="target" position={Position.Left} id={InPort} className="af-port af-port-in" data-testid="port-In" />}
      <div className="af-node-name">{activity.name ?? activity.id}</div>
      <div className="af-node-type">{descriptor ? descriptor.displayName[language] : activity.type}</div>
      {data.problems.length > 0 && (
        <div className="af-node-problem" data-testid="node-problem">
          ⚠ {data.problems[0]}
          {data.problems.length > 1 ? ` (+${data.problems.length - 1})` : ""}
        </div>
      )}
      <div className="af-ports">
        {ports.map((port, index) => (
          <div className="af-port-row" key={port}>
            <span className="af-port-label">{port}</span>
            <Handle
              type="source"
              position={Position.Right}
              id={port}
              className="af-port af-port-out"
              data-testid={`port-${port}`}
              style={{ top: "auto", bottom: `${(ports.length - 1 - index) * 22 + 8}px` }}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
