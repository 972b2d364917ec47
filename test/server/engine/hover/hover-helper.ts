import type { EngineConfig } from '../../../../server/src/engine/config';
import type { HoverAnswer } from '../../../../server/src/engine/hover/answer';
import { hoverAt } from '../../../../server/src/engine/hover/hover';
import { positionOf } from '../../../helpers/positions';
import { fixtureUri, workspaceOf } from '../../../helpers/rule-tester';

export interface HoverCase {
  /** Fixture paths below test/fixtures; the hover is in the first, the others are its workspace. */
  files: string[];
  /** Text whose first character (moved right by `shift`) the cursor is on. */
  at: string;
  shift?: number;
  occurrence?: number;
  fieldDocs?: boolean;
  config?: Partial<EngineConfig>;
}

export function hoverOf({ files, at, shift = 0, occurrence = 0, fieldDocs = true, config }: HoverCase): HoverAnswer | undefined {
  const workspace = workspaceOf(files, config);
  const file = workspace.get(fixtureUri(files[0]))!;
  return hoverAt(workspace, file, positionOf(file.text, at, shift, occurrence), { fieldDocs });
}

/** The hover's Markdown; fails the test when there is none. */
export function markdownOf(testCase: HoverCase): string {
  const answer = hoverOf(testCase);
  if (!answer) throw new Error(`no hover at '${testCase.at}'`);
  return answer.markdown;
}

/** The Markdown before the first rule: the computed part of a hover. */
export function computedPart(markdown: string): string {
  return markdown.split('\n\n---\n\n')[0];
}
