// The toolbox: every activity type the server describes, grouped by category, in the page's language. An entry is
// dragged onto the canvas (HTML drag and drop carries its type name) or added with Enter at the canvas's centre.

import type { ActivityDescriptor } from "./types";
import { t } from "./text";

export const dragType = "application/x-approvalflow-activity";

interface Props {
  descriptors: ActivityDescriptor[];
  language: "vi" | "en";
  onAdd: (descriptor: ActivityDescriptor) => void;
}

export function Toolbox({ descriptors, language, onAdd }: Props) {
  const categories = new Map<string, ActivityDescriptor[]>();
  for (const descriptor of descriptors.filter((d) => !d.isContainer)) {
    categories.set(descriptor.category, [...(categories.get(descriptor.category) ?? []), descriptor]);
  }
  return (
    <div className="af-toolbox" data-testid="toolbox" aria-label={t("Toolbox")}>
      {[...categories.entries()].map(([category, items]) => (
        <section key={category} className="mb-2">
          <h3 className="af-category">{t(`Category.${category}`)}</h3>
          {items
            .sort((a, b) => a.displayName[language].localeCompare(b.displayName[language], language))
            .map((descriptor) => (
              <div
                key={descriptor.typeName}
                className="af-tool"
                draggable
                role="button"
                tabIndex={0}
                data-testid="tool"
                data-type={descriptor.typeName}
                title={descriptor.description?.[language] ?? descriptor.typeName}
                onDragStart={(e) => {
                  e.dataTransfer.setData(dragType, descriptor.typeName);
                  e.dataTransfer.effectAllowed = "move";
                }}
                onKeyDown={(e) => {
                  if (e.key === "Enter") onAdd(descriptor);
                }}
              >
                {descriptor.displayName[language]}
              </div>
            ))}
        </section>
      ))}
    </div>
  );
}
