// Undo and redo over snapshots of the graph: each change the user makes (add, delete, connect, move, edit, layout,
// paste) records the graph before it. Snapshots are cheap at the size of an approval workflow (tens of activities).

import type { ActivityFlowNode, ConnectionEdge } from "./model";

export interface Snapshot {
  nodes: ActivityFlowNode[];
  edges: ConnectionEdge[];
}

const limit = 100;

export class History {
  private past: Snapshot[] = [];
  private future: Snapshot[] = [];

  record(current: Snapshot): void {
    this.past.push(current);
    if (this.past.length > limit) this.past.shift();
    this.future = [];
  }

  undo(current: Snapshot): Snapshot | null {
    const previous = this.past.pop();
    if (!previous) return null;
    this.future.push(current);
    return previous;
  }

  redo(current: Snapshot): Snapshot | null {
    const next = this.future.pop();
    if (!next) return null;
    this.past.push(current);
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
