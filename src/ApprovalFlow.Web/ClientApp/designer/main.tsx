// The designer island: the page embeds its data as JSON in #designer-data and a mount point #designer-root; this
// script draws either the designer or the instance viewer into it.

import "@xyflow/react/dist/style.css";
import "./designer.css";
import { createRoot } from "react-dom/client";
import { Designer } from "./Designer";
import { InstanceViewer } from "./InstanceViewer";
import { setText } from "./text";
import type { DesignerBoot, ViewerBoot } from "./types";

const data = document.getElementById("designer-data");
const root = document.getElementById("designer-root");
if (data && root) {
  const boot = JSON.parse(data.textContent ?? "{}") as DesignerBoot | ViewerBoot;
  setText(boot.text);
  createRoot(root).render(boot.mode === "designer" ? <Designer boot={boot} /> : <InstanceViewer boot={boot} />);
  root.dataset.ready = "true";
}
