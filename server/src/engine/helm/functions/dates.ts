import { toInt64 } from '../go/convert';
import { Rope } from '../go/rope';
import { GoError, GoStruct, type GoValue } from '../go/values';
import { text, type FunctionGroup } from './common';

/**
 * Time without a clock: `now` is a fixed instant, so renders repeat exactly and no check
 * depends on when it runs. Dates keep Go's layout language (`2006-01-02 15:04:05`).
 */
export const FIXED_NOW_MS = Date.UTC(2024, 0, 1, 0, 0, 0);
/** January 1 of year 1, Go's zero time. */
const GO_ZERO_TIME_MS = -62135596800000;

export class GoTime extends GoStruct {
  constructor(
    readonly epochMs: number,
    /** Offset east of UTC in minutes, and the zone's abbreviation. */
    readonly offsetMinutes = 0,
    readonly zone = 'UTC',
  ) {
    super('time.Time', new Map(), new Map([['Unix', () => BigInt(Math.floor(epochMs / 1000))]]));
  }
}

/** Fixed offsets for the zones charts name; anything else is read as UTC rather than guessed. */
const ZONES: Record<string, [number, string]> = { UTC: [0, 'UTC'], Local: [0, 'UTC'], '': [0, 'UTC'], 'Etc/UTC': [0, 'UTC'], GMT: [0, 'GMT'] };

function zoneOf(name: string): [number, string] {
  return ZONES[name] ?? [0, 'UTC'];
}

function timeOf(value: GoValue, zone?: string): GoTime {
  const [offset, abbreviation] = zoneOf(zone ?? 'UTC');
  if (value instanceof GoTime) return zone === undefined ? value : new GoTime(value.epochMs, offset, abbreviation);
  if (typeof value === 'bigint' || typeof value === 'number') return new GoTime(Number(toInt64(value)) * 1000, offset, abbreviation);
  return new GoTime(FIXED_NOW_MS, offset, abbreviation);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LAYOUT_TOKENS =
  /January|Jan|Monday|Mon|2006|06|01|_2|02|15|03|04|05|Z07:00|Z0700|Z07|-07:00|-0700|-07|MST|PM|pm|[.,]0+|[.,]9+|1|2|3|4|5/g;

const pad = (value: number, width = 2, fill = '0'): string => String(value).padStart(width, fill);

function offsetText(minutes: number, colon: boolean, short: boolean, zulu: boolean): string {
  if (zulu && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60));
  if (short) return sign + hours;
  return sign + hours + (colon ? ':' : '') + pad(abs % 60);
}

/** Go's `Time.Format` for the layout elements charts use. */
export function formatTime(time: GoTime, layout: string): string {
  const local = new Date(time.epochMs + time.offsetMinutes * 60_000);
  const hour = local.getUTCHours();
  const fraction = String(local.getUTCMilliseconds()).padStart(3, '0') + '000000';
  return layout.replace(LAYOUT_TOKENS, (token) => {
    switch (token) {
      case 'January': return MONTHS[local.getUTCMonth()]!;
      case 'Jan': return MONTHS[local.getUTCMonth()]!.slice(0, 3);
      case 'Monday': return DAYS[local.getUTCDay()]!;
      case 'Mon': return DAYS[local.getUTCDay()]!.slice(0, 3);
      case '2006': return pad(local.getUTCFullYear(), 4);
      case '06': return pad(local.getUTCFullYear() % 100);
      case '01': return pad(local.getUTCMonth() + 1);
      case '1': return String(local.getUTCMonth() + 1);
      case '02': return pad(local.getUTCDate());
      case '_2': return pad(local.getUTCDate(), 2, ' ');
      case '2': return String(local.getUTCDate());
      case '15': return pad(hour);
      case '03': return pad(hour % 12 === 0 ? 12 : hour % 12);
      case '3': return String(hour % 12 === 0 ? 12 : hour % 12);
      case '04': return pad(local.getUTCMinutes());
      case '4': return String(local.getUTCMinutes());
      case '05': return pad(local.getUTCSeconds());
      case '5': return String(local.getUTCSeconds());
      case 'PM': return hour >= 12 ? 'PM' : 'AM';
      case 'pm': return hour >= 12 ? 'pm' : 'am';
      case 'MST': return time.zone;
      case 'Z07:00': return offsetText(time.offsetMinutes, true, false, true);
      case 'Z0700': return offsetText(time.offsetMinutes, false, false, true);
      case 'Z07': return offsetText(time.offsetMinutes, false, true, true);
      case '-07:00': return offsetText(time.offsetMinutes, true, false, false);
      case '-0700': return offsetText(time.offsetMinutes, false, false, false);
      case '-07': return offsetText(time.offsetMinutes, false, true, false);
    }
    const digits = token.length - 1;
    if (token[1] === '0') return token[0] + fraction.slice(0, digits);
    const trimmed = fraction.slice(0, digits).replace(/0+$/, '');
    return trimmed === '' ? '' : token[0] + trimmed;
  });
}

/** Go's `time.Parse` for numeric layouts: each layout element becomes a field to read. */
export function parseTime(layout: string, value: string): GoTime {
  const fields: string[] = [];
  let pattern = '';
  let position = 0;
  for (const match of layout.matchAll(LAYOUT_TOKENS)) {
    pattern += match.index! > position ? escapeRegex(layout.slice(position, match.index)) : '';
    const token = match[0];
    fields.push(token);
    pattern += tokenPattern(token);
    position = match.index! + token.length;
  }
  pattern += escapeRegex(layout.slice(position));
  const found = new RegExp('^' + pattern + '$').exec(value);
  if (!found) throw new GoError(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse`);
  let [year, month, day, hour, minute, second, ms, offset] = [1, 1, 1, 0, 0, 0, 0, 0];
  let pm: boolean | undefined;
  fields.forEach((token, index) => {
    const part = found[index + 1]!;
    switch (token) {
      case '2006': year = Number(part); break;
      case '06': year = 2000 + Number(part) - (Number(part) >= 69 ? 100 : 0); break;
      case '01': case '1': month = Number(part); break;
      case 'January': case 'Jan': month = MONTHS.findIndex((name) => name.startsWith(part)) + 1; break;
      case '02': case '_2': case '2': day = Number(part.trim()); break;
      case '15': case '03': case '3': hour = Number(part); break;
      case '04': case '4': minute = Number(part); break;
      case '05': case '5': second = Number(part); break;
      case 'PM': case 'pm': pm = part.toUpperCase() === 'PM'; break;
      default:
        if (/^[.,]/.test(token)) ms = Math.floor(Number('0.' + part.slice(1)) * 1000);
        else if (token.includes('07') && part !== 'Z') {
          const sign = part.startsWith('-') ? -1 : 1;
          const digits = part.replace(/[^0-9]/g, '');
          offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
        }
    }
  });
  if (pm !== undefined) hour = (hour % 12) + (pm ? 12 : 0);
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
  const result = new GoTime(epoch, offset, offset === 0 ? 'UTC' : '');
  return result;
}

function escapeRegex(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function tokenPattern(token: string): string {
  if (token === 'January' || token === 'Monday') return '([A-Za-z]+)';
  if (token === 'Jan' || token === 'Mon') return '([A-Za-z]{3})';
  if (token === '2006') return '(\\d{4})';
  if (token === '_2') return '( ?\\d{1,2})';
  if (['1', '2', '3', '4', '5'].includes(token)) return '(\\d{1,2})';
  if (token === 'MST') return '([A-Z]{3,4})';
  if (token === 'PM' || token === 'pm') return '([AaPp][Mm])';
  if (token.includes('07')) return '(Z|[+-]\\d{2}(?::?\\d{2})?)';
  if (/^[.,]/.test(token)) return '([.,]\\d+)';
  return '(\\d{2})';
}

/** Go's duration text, such as `1h2m3s`, for `duration`. */
export function durationText(seconds: bigint): string {
  if (seconds === 0n) return '0s';
  const sign = seconds < 0n ? '-' : '';
  let rest = seconds < 0n ? -seconds : seconds;
  const hours = rest / 3600n;
  rest %= 3600n;
  const minutes = rest / 60n;
  const secs = rest % 60n;
  if (hours > 0n) return `${sign}${hours}h${minutes}m${secs}s`;
  if (minutes > 0n) return `${sign}${minutes}m${secs}s`;
  return `${sign}${secs}s`;
}

/** Go's `time.ParseDuration` for `dateModify`: a sequence of numbers with units. */
function parseDuration(value: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const match = /^([+-]?)((?:\d+(?:\.\d*)?(?:ns|us|µs|ms|s|m|h))+)$/.exec(value);
  if (!match) throw new GoError(`time: invalid duration ${JSON.stringify(value)}`);
  let total = 0;
  for (const part of match[2]!.matchAll(/(\d+(?:\.\d*)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * units[part[2]!]!;
  return match[1] === '-' ? -total : total;
}

export const dateFunctions: FunctionGroup = {
  now: () => new GoTime(FIXED_NOW_MS),
  date: (_context, layout = null, value = null) => formatTime(timeOf(value), text(layout, 'date')),
  dateInZone: (_context, layout = null, value = null, zone = null) => formatTime(timeOf(value, text(zone, 'dateInZone')), text(layout, 'dateInZone')),
  date_in_zone: (_context, layout = null, value = null, zone = null) => formatTime(timeOf(value, text(zone, 'date_in_zone')), text(layout, 'date_in_zone')),
  htmlDate: (_context, value = null) => formatTime(timeOf(value), '2006-01-02'),
  htmlDateInZone: (_context, value = null, zone = null) => formatTime(timeOf(value, text(zone, 'htmlDateInZone')), '2006-01-02'),
  dateModify: (_context, change = null, value = null) => {
    const time = timeOf(value);
    return new GoTime(time.epochMs + parseDuration(text(change, 'dateModify')), time.offsetMinutes, time.zone);
  },
  mustDateModify: (_context, change = null, value = null) => {
    const time = timeOf(value);
    return new GoTime(time.epochMs + parseDuration(text(change, 'mustDateModify')), time.offsetMinutes, time.zone);
  },
  toDate: (_context, layout = null, value = null) => {
    try {
      return parseTime(text(layout, 'toDate'), text(value, 'toDate'));
    } catch (error) {
      // Sprig's `toDate` drops the parse error and gives Go's zero time.
      if (error instanceof GoError) return new GoTime(GO_ZERO_TIME_MS);
      throw error;
    }
  },
  mustToDate: (_context, layout = null, value = null) => parseTime(text(layout, 'mustToDate'), text(value, 'mustToDate')),
  unixEpoch: (_context, value = null) => String(Math.floor(timeOf(value).epochMs / 1000)),
  ago: (_context, value = null) => durationText(BigInt(Math.round((FIXED_NOW_MS - timeOf(value).epochMs) / 1000))),
  duration: (_context, value = null) => durationText(toInt64(value instanceof Rope ? value.text : value)),
  durationRound: (_context, value = null) => durationText(toInt64(value instanceof Rope ? value.text : value)),
};
