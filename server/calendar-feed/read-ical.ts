/**
 * A strict reader of iCalendar text, for the tests: it refuses what a careful calendar app might choke on
 * (bare line feeds, lines over 75 octets, a component left open, an unescaped comma or semicolon in a
 * TEXT value, an event without UID, DTSTAMP or a start in UTC or with a time zone) and gives back each
 * component's properties with TEXT values unescaped.
 */

export interface ReadComponent {
  name: string;
  properties: { name: string; params: string; value: string }[];
  components: ReadComponent[];
}

const TEXT_PROPERTIES = new Set(['SUMMARY', 'LOCATION', 'DESCRIPTION', 'X-WR-CALNAME']);

function unescapeText(value: string, where: string): string {
  let out = '';
  for (let index = 0; index < value.length; index++) {
    const character = value[index]!;
    if (character === '\\') {
      const next = value[index + 1];
      if (next === 'n' || next === 'N') out += '\n';
      else if (next === '\\' || next === ';' || next === ',') out += next;
      else throw new Error(`${where}: a backslash that escapes nothing`);
      index++;
    } else if (character === ';' || character === ',') {
      throw new Error(`${where}: an unescaped "${character}"`);
    } else {
      out += character;
    }
  }
  return out;
}

export function readICalendar(text: string): ReadComponent {
  if (!text.endsWith('\r\n')) throw new Error('the text does not end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  const encoder = new TextEncoder();
  physical.forEach((line, index) => {
    if (/[\r\n]/.test(line)) throw new Error(`line ${index + 1} holds a bare CR or LF`);
    if (encoder.encode(line).length > 75) throw new Error(`line ${index + 1} is longer than 75 octets`);
  });
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('the text starts with a continuation line');
      logical[logical.length - 1] += line.slice(1);
    } else {
      logical.push(line);
    }
  }
  const root: ReadComponent = { name: '', properties: [], components: [] };
  const stack: ReadComponent[] = [root];
  for (const line of logical) {
    const match = /^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const [, name, params, raw] = match as unknown as [string, string, string, string];
    const upper = name.toUpperCase();
    const top = stack[stack.length - 1]!;
    if (upper === 'BEGIN') {
      const component: ReadComponent = { name: raw.toUpperCase(), properties: [], components: [] };
      top.components.push(component);
      stack.push(component);
    } else if (upper === 'END') {
      if (stack.length === 1 || top.name !== raw.toUpperCase())
        throw new Error(`END:${raw} closes ${top.name}`);
      stack.pop();
    } else {
      if (stack.length === 1) throw new Error(`${upper} outside any component`);
      const value = TEXT_PROPERTIES.has(upper) ? unescapeText(raw, upper) : raw;
      top.properties.push({ name: upper, params, value });
    }
  }
  if (stack.length !== 1) throw new Error(`${stack[stack.length - 1]!.name} is never closed`);
  if (root.components.length !== 1 || root.components[0]!.name !== 'VCALENDAR') {
    throw new Error('the text is not one VCALENDAR');
  }
  const calendar = root.components[0]!;
  const one = (component: ReadComponent, name: string) => {
    const found = component.properties.filter((p) => p.name === name);
    if (found.length !== 1) throw new Error(`${component.name} has ${found.length} ${name}`);
    return found[0]!;
  };
  if (one(calendar, 'VERSION').value !== '2.0') throw new Error('VERSION is not 2.0');
  one(calendar, 'PRODID');
  const utc = /^\d{8}T\d{6}Z$/;
  for (const event of calendar.components.filter((c) => c.name === 'VEVENT')) {
    one(event, 'UID');
    if (!utc.test(one(event, 'DTSTAMP').value)) throw new Error('DTSTAMP is not a UTC date-time');
    const start = one(event, 'DTSTART');
    if (!utc.test(start.value) && !/;TZID=/.test(start.params)) {
      throw new Error('DTSTART is neither in UTC nor given a time zone');
    }
  }
  return calendar;
}

/** A property's value of a component (the first one), or undefined. */
export const valueOf = (component: ReadComponent, name: string) =>
  component.properties.find((p) => p.name === name)?.value;
