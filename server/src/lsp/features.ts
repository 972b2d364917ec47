import type { Feature } from './feature';

/** The request handlers the server offers beyond diagnostics. */
export const features: Feature[] = [];
