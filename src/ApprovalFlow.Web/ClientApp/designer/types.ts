// The shapes the server sends: activity descriptors (GET /api/activity-descriptors), Elsa 3 definition JSON,
// validation problems and version summaries. Names follow the server's camelCase JSON.

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface InputDescriptor {
  name: string;
  typeName: string;
  uiHint: string;
  required: boolean;
  defaultValue: unknown;
  displayName: LocalizedText;
  description: LocalizedText | null;
}

export interface ActivityDescriptor {
  typeName: string;
  category: string;
  displayName: LocalizedText;
  description: LocalizedText | null;
  inputs: InputDescriptor[];
  outcomes: string[];
  portsFromInput: string | null;
  isContainer: boolean;
}

export interface Expression {
  type: string;
  value: unknown;
}

export interface InputValue {
  typeName: string;
  expression: Expression | null;
  [extra: string]: unknown;
}

/** An activity as Elsa writes it: fixed fields, then every input camelCased at the same level. */
export interface ElsaActivity {
  id: string;
  type: string;
  name?: string;
  customProperties?: Record<string, unknown>;
  metadata?: { designer?: { position?: { x: number; y: number }; size?: { width: number; height: number } } } & Record<string, unknown>;
  [input: string]: unknown;
}

export interface ElsaConnection {
  source: { activity: string; port: string };
  target: { activity: string; port: string };
  [extra: string]: unknown;
}

export interface ElsaDefinition {
  id: string;
  definitionId: string;
  name: string;
  version: number;
  isLatest: boolean;
  isPublished: boolean;
  variables?: { id?: string; name: string }[];
  root: ElsaActivity & { activities: ElsaActivity[]; connections: ElsaConnection[] };
  [extra: string]: unknown;
}

export interface Problem {
  code: string;
  activityId: string | null;
  activityName: string | null;
  message: string;
}

export interface VersionSummary {
  version: number;
  id: string;
  createdAt: string;
  isLatest: boolean;
  isPublished: boolean;
  activeInstances: number;
}

export interface DefinitionSummary {
  definitionId: string;
  name: string;
  latestVersion: number;
  publishedVersion: number | null;
  versions: VersionSummary[];
}

export interface DesignerResult {
  version: number | null;
  problems: Problem[];
  error: string | null;
  definitionId: string | null;
}

export interface DefinitionChange {
  kind: string;
  activityId: string | null;
  activityName: string | null;
  input: string | null;
  before: string | null;
  after: string | null;
}

export interface Choice {
  value: string;
  label: string;
}

/** What the designer page embeds for the script. */
export interface DesignerBoot {
  mode: "designer";
  language: "vi" | "en";
  definition: ElsaDefinition;
  summary: DefinitionSummary;
  descriptors: ActivityDescriptor[];
  problems: Problem[];
  roles: Choice[];
  agencies: Choice[];
  text: Record<string, string>;
}

/** What the instance page embeds for the script: the version's graph and the path the instance took. */
export interface ViewerBoot {
  mode: "viewer";
  language: "vi" | "en";
  definition: ElsaDefinition;
  descriptors: ActivityDescriptor[];
  visited: string[];
  current: string[];
  taken: { source: string; port: string; target: string }[];
  text: Record<string, string>;
}
