import { codeActions } from './code-actions';
import { codeLenses } from './code-lens';
import { completion } from './completion';
import { definition } from './definition';
import { documentLinks } from './document-links';
import type { Feature } from './feature';
import { hover } from './hover';
import { jsonSchemaRequest } from './json-schema-request';
import { references } from './references';
import { rename } from './rename';
import { symbols } from './symbols';

/** The request handlers the server offers beyond diagnostics. */
export const features: Feature[] = [codeActions, hover, completion, definition, references, rename, symbols, codeLenses, documentLinks, jsonSchemaRequest];
