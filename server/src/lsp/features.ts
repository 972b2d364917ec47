import { codeActions } from './code-actions';
import { completion } from './completion';
import type { Feature } from './feature';
import { helmDefinition } from './helm-definition';
import { hover } from './hover';
import { jsonSchemaRequest } from './json-schema-request';

/** The request handlers the server offers beyond diagnostics. */
export const features: Feature[] = [codeActions, hover, completion, helmDefinition, jsonSchemaRequest];
