import { codeActions } from './code-actions';
import { completion } from './completion';
import type { Feature } from './feature';
import { hover } from './hover';
import { jsonSchemaRequest } from './json-schema-request';

/** The request handlers the server offers beyond diagnostics. */
export const features: Feature[] = [codeActions, hover, completion, jsonSchemaRequest];
