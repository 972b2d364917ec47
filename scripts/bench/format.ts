// How the results write figures: counts with separators, times, sizes and ratios.
export const count = (value: number): string => value.toLocaleString('en-US');

export function milliseconds(value: number): string {
  if (value >= 100) return `${count(Math.round(value))} ms`;
  return `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

export const megabytes = (value: number): string => `${value.toFixed(0)} MB`;
export const times = (value: number): string => `${value.toFixed(value >= 10 ? 1 : 2)}×`;
