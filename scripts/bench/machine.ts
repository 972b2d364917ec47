import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGigabytes: number;
  loadAverage: number[];
}

/** The processor and memory, from /proc as the issue asks, with what os reports where /proc is missing. */
export function describeMachine(): Machine {
  const read = (file: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const cpuinfo = read('/proc/cpuinfo');
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const cores = cpuinfo.match(/^processor\s*:/gm)?.length ?? os.cpus().length;
  const memoryKilobytes = /^MemTotal:\s+(\d+)\s+kB/m.exec(read('/proc/meminfo'))?.[1];
  const memoryGigabytes = (memoryKilobytes ? Number(memoryKilobytes) * 1024 : os.totalmem()) / 1e9;
  return { cpu, cores, memoryGigabytes, loadAverage: os.loadavg() };
}
