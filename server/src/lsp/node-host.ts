import { nodeSyncDisk, nodeWorkspaceFiles } from '../files/node-workspace-files';
import { BaseSync } from './base-sync';
import { ChartSync } from './chart-sync';
import type { ServerHost } from './server-host';

/** The server over the local disk: every feature, git's committed versions and Helm charts included. */
export const nodeHost: ServerHost = {
  files: nodeWorkspaceFiles,
  disk: nodeSyncDisk,
  charts: (host) => new ChartSync(host),
  bases: (host) => new BaseSync(host),
};
