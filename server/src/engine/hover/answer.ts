import type { Range } from '../types';

export interface HoverOptions {
  /** Include the generic reference documentation of fields (`kubeStateful.hover.fieldDocs`). */
  fieldDocs: boolean;
}

export interface HoverAnswer {
  /** The key or value the hover is about. */
  range: Range;
  markdown: string;
}
