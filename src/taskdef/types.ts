/** Plain data shared by the language core, the CLI and the editor adapters. No `vscode` here. */

/** The two definition kinds: what the schema, rules and the editor languages are about. */
export type DocumentKind = 'task' | 'service';
/**
 * What a file holds: a definition, a Terraform `container_definitions` array (`containers`), or a
 * CloudFormation / SAM template (JSON or YAML) with AWS::ECS::TaskDefinition / ::Service resources.
 */
export type FileKind = DocumentKind | 'containers' | 'cloudformation';
/** What the language service (completion, hover, outline) serves: the definitions and Terraform containers files. */
export type LanguageKind = DocumentKind | 'containers';
export type Severity = 'error' | 'warning' | 'info';

/** 0-based, as in LSP and `vscode.Position`. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface TaskdefDiagnostic {
  /** Stable rule code, e.g. `fargate-invalid-memory`. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Offsets into the document text (UTF-16 code units), same span as `range`. */
  offset: number;
  length: number;
  /** RFC 6901 JSON Pointer of the offending value (or property) in the file as written. */
  pointer: string;
  /** Rule-specific data the quick fixes read (e.g. the suggested name). */
  data?: DiagnosticData;
}

export interface DiagnosticData {
  suggestion?: string;
  /** A replacement value (JSON) for the offending value. */
  replacement?: unknown;
  /** JSON path (segments) of the definition object: [] or ['taskDefinition']. */
  definitionPath?: (string | number)[];
  volumeName?: string;
}

export interface QuickFix {
  title: string;
  /** The diagnostic code this fixes (or `source` for document-wide actions). */
  code: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

export interface ValidateOptions {
  /** Forces the kind; by default it is detected from the text and `fileName`. */
  kind?: FileKind;
  fileName?: string;
  /**
   * The text is describe output by design (a registered revision shown read-only): its read-only
   * fields and the `{"taskDefinition": …}` wrapper are not reported.
   */
  describeOutput?: boolean;
}
