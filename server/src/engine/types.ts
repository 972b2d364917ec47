/** Zero-based line and UTF-16 column, the convention shared by LSP and the YAML parser's offsets. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** A rule's configured level: a severity, or `off` to drop its findings. */
export type RuleLevel = Severity | 'off';

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** What a rule reports; the analyzer adds the rule id and the configured severity. */
export interface Report {
  range: Range;
  message: string;
  related?: RelatedLocation[];
  /** Data a code action needs to repair the problem; shape is defined by each rule. */
  fix?: Record<string, unknown>;
  /**
   * A severity for this finding instead of the rule's default, when one rule reports cases of
   * different weight. A level the user configured for the rule still wins.
   */
  severity?: Severity;
}

export interface Finding extends Report {
  ruleId: string;
  severity: Severity;
}
